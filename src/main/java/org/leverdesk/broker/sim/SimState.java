package org.leverdesk.broker.sim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.leverdesk.broker.Quote;

/**
 * Everything a simulated broker needs to carry on where it stopped: the paper broker stores it and
 * rebuilds a {@link SimBroker} from it after a restart. {@code orders} holds every order ever
 * accepted, so their client order ids stay used.
 */
public record SimState(BigDecimal cash, BigDecimal lastEquity, boolean marketOpen, long nextOrderNumber, Instant now,
                       List<SimHolding> holdings, List<SimOrder> orders, List<Quote> quotes) {
    public SimState {
        holdings = List.copyOf(holdings);
        orders = List.copyOf(orders);
        quotes = List.copyOf(quotes);
    }
}
