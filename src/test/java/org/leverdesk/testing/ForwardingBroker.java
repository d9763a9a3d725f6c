package org.leverdesk.testing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.CloseOutcome;
import org.leverdesk.broker.MarketClock;
import org.leverdesk.broker.MarketDay;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.Quote;

/** A broker that passes every call to another; tests override the calls they make misbehave. */
public class ForwardingBroker implements Broker {
    protected final Broker delegate;

    public ForwardingBroker(Broker delegate) {
        this.delegate = delegate;
    }

    @Override public String name() { return delegate.name(); }
    @Override public Account account() { return delegate.account(); }
    @Override public List<BrokerPosition> positions() { return delegate.positions(); }
    @Override public List<BrokerOrder> openOrders() { return delegate.openOrders(); }
    @Override public BrokerOrder submit(OrderRequest request) { return delegate.submit(request); }
    @Override public Optional<BrokerOrder> orderByClientOrderId(String id) { return delegate.orderByClientOrderId(id); }
    @Override public void cancel(String brokerOrderId) { delegate.cancel(brokerOrderId); }
    @Override public List<BrokerOrder> cancelAll() { return delegate.cancelAll(); }
    @Override public List<CloseOutcome> closeAllPositions() { return delegate.closeAllPositions(); }
    @Override public Optional<BrokerOrder> closePosition(String symbol) { return delegate.closePosition(symbol); }
    @Override public MarketClock clock() { return delegate.clock(); }
    @Override public List<MarketDay> calendar(LocalDate from, LocalDate to) { return delegate.calendar(from, to); }
    @Override public Quote latestQuote(String symbol) { return delegate.latestQuote(symbol); }
}
