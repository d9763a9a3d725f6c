package org.leverdesk.strategy.rotation;

/**
 * Trailing-stop presets of the profit taker (the seed's companion script). A position's stop is
 * armed once the highest high since the last rebalance reaches {@code activation} above its average
 * cost; it then rests {@code trail} below that highest high, rising with it until the next
 * rebalance, where the highest high starts again from the bars after that rebalance.
 * Conservative locks in gains early with a tight trail; aggressive lets winners run.
 */
public enum ProfitTaker {
    /** No trailing stops. */
    OFF(0, 0),
    /** Armed at +3%, trails 2% below the high. */
    CONSERVATIVE(0.03, 0.02),
    /** Armed at +5%, trails 3% below the high. */
    MODERATE(0.05, 0.03),
    /** Armed at +8%, trails 5% below the high. */
    AGGRESSIVE(0.08, 0.05);

    private final double activation;
    private final double trail;

    ProfitTaker(double activation, double trail) {
        this.activation = activation;
        this.trail = trail;
    }

    /** Gain over the average cost (0.05 = 5%) at which the stop is armed. */
    public double activation() {
        return activation;
    }

    /** Distance of the stop below the highest high (0.03 = 3%). */
    public double trail() {
        return trail;
    }

    /** The stop for a position, or NaN while it is not armed (or the preset is OFF). */
    public double stop(double averageCost, double highestHigh) {
        if (this == OFF || !(averageCost > 0) || highestHigh < averageCost * (1 + activation)) {
            return Double.NaN;
        }
        return highestHigh * (1 - trail);
    }
}
