package org.leverdesk.broker.sim;

import java.util.List;
import org.leverdesk.broker.Quote;

/**
 * What a {@link SimBroker} changed since it was last asked, so the paper broker writes only that:
 * orders created or changed, positions changed (or {@code closedSymbols} when they went flat), new
 * fills and new quotes. The account's scalars are small and always written.
 */
public record SimChanges(List<SimOrder> orders, List<SimHolding> holdings, List<String> closedSymbols,
                         List<SimFill> fills, List<Quote> quotes, List<SimDividend> dividends, List<SimSplit> splits) {
    public SimChanges {
        orders = List.copyOf(orders);
        holdings = List.copyOf(holdings);
        closedSymbols = List.copyOf(closedSymbols);
        fills = List.copyOf(fills);
        quotes = List.copyOf(quotes);
        dividends = dividends == null ? List.of() : List.copyOf(dividends);
        splits = splits == null ? List.of() : List.copyOf(splits);
    }

    /** Changes without splits. */
    public SimChanges(List<SimOrder> orders, List<SimHolding> holdings, List<String> closedSymbols, List<SimFill> fills,
                      List<Quote> quotes, List<SimDividend> dividends) {
        this(orders, holdings, closedSymbols, fills, quotes, dividends, List.of());
    }

    /** Changes without dividends. */
    public SimChanges(List<SimOrder> orders, List<SimHolding> holdings, List<String> closedSymbols, List<SimFill> fills,
                      List<Quote> quotes) {
        this(orders, holdings, closedSymbols, fills, quotes, List.of(), List.of());
    }

    /** True when nothing but the account's scalars may have changed. */
    public boolean isEmpty() {
        return orders.isEmpty() && holdings.isEmpty() && closedSymbols.isEmpty() && fills.isEmpty() && quotes.isEmpty()
                && dividends.isEmpty() && splits.isEmpty();
    }
}
