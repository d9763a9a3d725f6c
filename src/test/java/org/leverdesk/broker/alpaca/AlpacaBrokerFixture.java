package org.leverdesk.broker.alpaca;

import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerFixture;

/**
 * The broker contract fixture for {@link AlpacaBroker}: a fresh {@link FakeAlpacaServer} ($100,000 cash,
 * market open, no quotes) and an adapter pointed at it over real HTTP.
 */
public final class AlpacaBrokerFixture implements BrokerFixture {
    private final FakeAlpacaServer server = FakeAlpacaServer.start();
    private final AlpacaBroker broker = AlpacaBroker.create(server.settings());

    @Override
    public Broker broker() {
        return broker;
    }

    /** The server behind the adapter, for tests that inject faults. */
    public FakeAlpacaServer server() {
        return server;
    }

    @Override
    public void setQuote(String symbol, double bid, double ask) {
        server.setQuote(symbol, bid, ask);
    }

    @Override
    public void closeMarket() {
        server.closeMarket();
    }

    @Override
    public void openSession() {
        server.openSession();
    }

    @Override
    public void close() {
        broker.close();
        server.close();
    }
}
