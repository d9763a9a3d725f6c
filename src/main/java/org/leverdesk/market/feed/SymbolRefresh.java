package org.leverdesk.market.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a refresh did for one symbol.
 *
 * @param written          final bars written (0 when none)
 * @param first            first final bar written, or null
 * @param last             last final bar written, or null
 * @param provisionalDate  the provisional bar written (today's session so far), or null
 * @param provisionalAsOf  the time of the latest trade that bar holds, or null
 * @param missing          trading days the feed was asked for and had no bar of (an empty day)
 * @param message          one line for people, starting with the symbol
 */
public record SymbolRefresh(String symbol, Status status, int written, LocalDate first, LocalDate last,
                            LocalDate provisionalDate, Instant provisionalAsOf, List<LocalDate> missing, String message) {
    /** The outcome of one symbol. */
    public enum Status {
        /** New final bars were written. */
        UPDATED,
        /** The whole series was replaced ({@code --full}). */
        REPLACED,
        /** Nothing was missing (a provisional bar may have been refreshed). */
        UP_TO_DATE,
        /** The feed has no bars of the symbol at all; nothing was written. */
        NO_DATA,
        /** The feed's bars were refused (a split-basis jump, a bad bar); nothing was written. */
        REFUSED,
        /** The feed or the store failed; nothing of this symbol was written. */
        FAILED
    }

    public SymbolRefresh {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(status, "status");
        missing = List.copyOf(missing);
        Objects.requireNonNull(message, "message");
    }

    /** True when the symbol is as current as the feed allows (refused, failed and unknown symbols are not). */
    public boolean ok() {
        return status == Status.UP_TO_DATE || status == Status.UPDATED || status == Status.REPLACED;
    }
}
