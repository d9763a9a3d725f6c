package org.leverdesk.execution;

import org.leverdesk.broker.Quote;

/** A quote and the guard's verdict: usable, or blocked with a one-line reason. */
public record QuoteCheck(String symbol, Quote quote, boolean usable, String reason) {
    public static QuoteCheck ok(Quote q) {
        return new QuoteCheck(q.symbol(), q, true, "ok");
    }

    public static QuoteCheck blocked(String symbol, Quote q, String reason) {
        return new QuoteCheck(symbol, q, false, reason);
    }
}
