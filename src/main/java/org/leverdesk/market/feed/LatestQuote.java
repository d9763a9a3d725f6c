package org.leverdesk.market.feed;

import java.time.Instant;

/**
 * The latest bid and ask of a symbol from a feed, with the reason it cannot be used when it cannot
 * (no bid, no ask, no quote at all). A side Alpaca reports as 0 has no active order: "no quote", not
 * a price of zero.
 *
 * @param at      when the quote was made; null when there is no quote
 * @param problem why the quote cannot be used, one line; null when it can
 */
public record LatestQuote(String symbol, double bid, double ask, Instant at, String problem) {
    /** A quote as the feed sent it; zero, negative or non-finite sides make it unusable with the reason. */
    public static LatestQuote of(String symbol, double bid, double ask, Instant at, String feed) {
        boolean noBid = !(bid > 0) || Double.isInfinite(bid);
        boolean noAsk = !(ask > 0) || Double.isInfinite(ask);
        String problem = null;
        if (noBid || noAsk) {
            String sides = noBid && noAsk ? "neither a bid nor an ask" : noBid ? "no bid" : "no ask";
            problem = symbol + ": " + feed + " has " + sides + " (bid " + bid + ", ask " + ask
                    + "; 0 means no active order on that side), so there is no quote to price an order on";
        }
        return new LatestQuote(symbol, bid, ask, at, problem);
    }

    /** No quote at all, with the reason. */
    public static LatestQuote none(String symbol, String problem) {
        return new LatestQuote(symbol, Double.NaN, Double.NaN, null, problem);
    }

    public boolean usable() {
        return problem == null;
    }

    /** The midpoint; meaningless unless {@link #usable()}. */
    public double mid() {
        return (bid + ask) / 2;
    }
}
