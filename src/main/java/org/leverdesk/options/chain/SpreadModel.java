package org.leverdesk.options.chain;

import org.leverdesk.options.contract.TickRule;

/**
 * Bid and ask around a model price: the full spread is max({@code minimum}, {@code relative} × price),
 * split evenly around the price; the bid is rounded down and the ask up to the class's tick, the bid is
 * never below 0 and the ask is at least one tick above the bid.
 *
 * <p>Defaults (2% of the price, at least $0.02) are a little wider than QQQ's and SPY's near-the-money
 * markets (often a penny or two wide) so that backtests that sell at the bid and buy at the ask do not
 * flatter the strategy; change them per underlying.
 */
public record SpreadModel(double relative, double minimum) {
    public static final double DEFAULT_RELATIVE = 0.02;
    public static final double DEFAULT_MINIMUM = 0.02;

    public SpreadModel {
        if (!(relative >= 0 && relative <= 1)) {
            throw new IllegalArgumentException("relative spread must be a fraction between 0 and 1 of the price (got " + relative + ")");
        }
        if (!(minimum >= 0 && minimum <= 10)) {
            throw new IllegalArgumentException("minimum spread must be between $0 and $10 (got " + minimum + ")");
        }
    }

    public static SpreadModel defaults() {
        return new SpreadModel(DEFAULT_RELATIVE, DEFAULT_MINIMUM);
    }

    /** The bid for a model price (per share). */
    public double bid(double price, TickRule ticks) {
        return ticks.roundDown(price - halfSpread(price));
    }

    /** The ask for a model price (per share), at least one tick above the bid. */
    public double ask(double price, TickRule ticks) {
        double ask = ticks.roundUp(price + halfSpread(price));
        double bid = bid(price, ticks);
        return ask > bid ? ask : ticks.roundUp(bid + 0.005);
    }

    private double halfSpread(double price) {
        return Math.max(minimum, relative * price) / 2;
    }
}
