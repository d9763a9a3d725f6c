package org.leverdesk.broker.alpaca;

import java.time.LocalTime;
import java.time.ZoneId;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerFixture;

/**
 * The broker contract fixture for {@link AlpacaBroker}: a fresh {@link FakeAlpacaServer} on simulated
 * time (Wednesday 2026-03-04 10:00 New York: $100,000 cash, market open, no quotes, Alpaca's delays)
 * and an adapter pointed at it over real HTTP.
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

    /** Pending work settles first, so a quote change meets routed orders, and fills it causes are done after. */
    @Override
    public void setQuote(String symbol, double bid, double ask) {
        server.settle();
        server.setQuote(symbol, bid, ask);
        server.settle();
    }

    @Override
    public String optionsUnsupported() {
        return null;
    }

    @Override
    public void expireOptions(java.time.LocalDate day, String underlying, double close) {
        server.settle();
        server.expireOptions(day, underlying, close);
    }

    @Override
    public void settle() {
        server.settle();
    }

    /**
     * The session ends (closing auction, day orders expire), then the evening comes: Alpaca takes OPG
     * orders for the next open only after 19:00 ET, and the contract sends them "while closed".
     */
    @Override
    public void closeMarket() {
        server.closeMarket();
        var date = server.now().atZone(ZoneId.of("America/New_York")).toLocalDate();
        server.advanceTo(date, LocalTime.of(19, 1));
    }

    @Override
    public void openSession() {
        server.openSession();
        server.settle();
    }

    @Override
    public void close() {
        broker.close();
        server.close();
    }
}
