package org.leverdesk.market.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A symbol's regular session so far: the day's open, high and low, the latest trade and the volume
 * traded until then (split-adjusted, like final bars).
 *
 * @param lastTradeAt when the latest trade ({@code last}) happened
 */
public record SessionSnapshot(String symbol, LocalDate date, double open, double high, double low, double last,
                              Instant lastTradeAt, long volume) {
    public SessionSnapshot {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(lastTradeAt, "lastTradeAt");
    }
}
