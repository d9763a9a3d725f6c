package org.leverdesk.market.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a symbol's last bar stands: final (the session's closing values), or provisional (today's
 * session so far, built at a decision minute from the latest trade at {@code asOf}; replaced by the
 * final bar on the next refresh after the close).
 *
 * @param asOf for a provisional bar the time of the latest trade it holds; null for a final bar
 */
public record BarStatus(String symbol, LocalDate date, boolean provisional, Instant asOf) {
    public BarStatus {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(date, "date");
        if (provisional != (asOf != null)) {
            throw new IllegalArgumentException("a provisional bar needs the time it was built from, a final bar has none");
        }
    }

    /** A final bar of {@code date}. */
    public static BarStatus finalBar(String symbol, LocalDate date) {
        return new BarStatus(symbol, date, false, null);
    }

    /** A provisional bar of {@code date} holding the trades up to {@code asOf}. */
    public static BarStatus provisional(String symbol, LocalDate date, Instant asOf) {
        return new BarStatus(symbol, date, true, Objects.requireNonNull(asOf, "asOf"));
    }
}
