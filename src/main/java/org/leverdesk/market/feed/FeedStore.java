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

    /**
     * Divides the stored bars of {@code symbol} for every known split going ex on or before {@code through} that
     * has not divided them yet (once per split), so the stored series is on the share basis of the feed's bars of
     * {@code through}; returns the splits applied now. A store that knows no splits has none.
     */
    default List<org.leverdesk.market.data.Split> applyKnownSplits(String symbol, java.time.LocalDate through) {
        return List.of();
    }

    /** Records splits a feed announced (once each; a known one is left as it is). */
    default void recordSplits(List<org.leverdesk.market.data.Split> splits) {
    }

    /** Applies {@code write} to {@code symbol} in one transaction: all of it, or (on any failure) nothing. */
    void write(String symbol, FeedWrite write);
}
