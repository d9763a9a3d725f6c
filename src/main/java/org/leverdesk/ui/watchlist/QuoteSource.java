package org.leverdesk.ui.watchlist;

/**
 * Where the watchlist reads prices: a small port so the market-data feed can replace today's
 * broker quotes and daily closes without touching the view. Both calls may block.
 */
public interface QuoteSource {
    /**
     * The latest price of {@code symbol}.
     *
     * @throws RuntimeException with a one-line message when there is none
     */
    WatchQuote quote(String symbol);

    /** True while the market is open (the watchlist then refreshes itself). */
    boolean marketOpen();
}
