package org.leverdesk.market.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A symbol's regular session so far: the day's open, high and low, the latest trade and the volume
 * traded until then (split-adjusted, like final bars).
 *
 * @param lastTradeAt when the latest trade ({@code last}) happened
 * @param adjustment  the day's adjustment factor (adj_close / close) on the basis of the feed's final bars read
 *                    now, or NaN when the feed cannot tell (the provisional bar then carries the previous bar's).
 *                    It is what shows a dividend going ex today while the day is not over.
 */
public record SessionSnapshot(String symbol, LocalDate date, double open, double high, double low, double last,
                              Instant lastTradeAt, long volume, double adjustment) {
    public SessionSnapshot {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(lastTradeAt, "lastTradeAt");
    }

    /** A snapshot whose day's adjustment factor the feed does not tell. */
    public SessionSnapshot(String symbol, LocalDate date, double open, double high, double low, double last,
                           Instant lastTradeAt, long volume) {
        this(symbol, date, open, high, low, last, lastTradeAt, volume, Double.NaN);
    }
}
