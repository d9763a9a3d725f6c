package org.leverdesk.market.feed;

import java.util.List;
import org.leverdesk.domain.Bar;
import org.leverdesk.market.data.BarStatus;

/** Where a refresh keeps its bars (the store): what it holds of a symbol, and one write per symbol. */
public interface FeedStore {
    /** The last {@code n} final bars of {@code symbol}, oldest first; empty when none are held. */
    List<Bar> lastFinalBars(String symbol, int n);

    /** The provisional bars held for {@code symbol}, oldest first (normally none, or today's). */
    List<BarStatus> provisionalBars(String symbol);

    /** Applies {@code write} to {@code symbol} in one transaction: all of it, or (on any failure) nothing. */
    void write(String symbol, FeedWrite write);
}
