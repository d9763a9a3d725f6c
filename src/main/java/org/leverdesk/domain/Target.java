package org.leverdesk.domain;

/**
 * What a strategy wants to hold of one symbol: a whole-share quantity (0 means flat) and an optional
 * protective stop price ({@code NaN} = none). A stop is a resting good-till-cancelled order that
 * closes the whole position when the price trades through it; a later target for the same symbol
 * replaces it (or cancels it when it has no stop), and it is cancelled when the position goes flat.
 */
public record Target(String symbol, long quantity, double stopPrice) {
    public Target {
        // 0 is what a JSON row written before stops existed reads back as: no price can be a stop at 0.
        if (stopPrice == 0) {
            stopPrice = Double.NaN;
        }
        if (!Double.isNaN(stopPrice) && !(stopPrice > 0 && Double.isFinite(stopPrice))) {
            throw new IllegalArgumentException("stop price for " + symbol + " must be a positive price or NaN for none (got "
                    + stopPrice + ")");
        }
    }

    /** A target without a stop. */
    public Target(String symbol, long quantity) {
        this(symbol, quantity, Double.NaN);
    }

    /** True when this target carries a protective stop. */
    public boolean hasStop() {
        return !Double.isNaN(stopPrice);
    }
}
