package org.leverdesk.options.contract;

/**
 * The minimum price increment of an option class (Cboe and the other US option exchanges):
 * <ul>
 *   <li>{@link #PENNY_ALL_PRICES}: $0.01 at every price — QQQ, SPY and IWM in the Penny Interval Program;</li>
 *   <li>{@link #PENNY}: $0.01 below $3.00, $0.05 from $3.00 — the other Penny Interval Program classes;</li>
 *   <li>{@link #STANDARD}: $0.05 below $3.00, $0.10 from $3.00 — classes outside the program.</li>
 * </ul>
 * Prices are handled in whole cents so that rounding never drifts.
 */
public enum TickRule {
    PENNY_ALL_PRICES(1, 1),
    PENNY(1, 5),
    STANDARD(5, 10);

    private static final long THREE_DOLLARS_CENTS = 300;

    private final int centsBelowThree;
    private final int centsFromThree;

    TickRule(int centsBelowThree, int centsFromThree) {
        this.centsBelowThree = centsBelowThree;
        this.centsFromThree = centsFromThree;
    }

    /** The tick in cents for a price level. */
    public int tickCents(double price) {
        return Math.round(price * 100) < THREE_DOLLARS_CENTS ? centsBelowThree : centsFromThree;
    }

    /** The highest valid price at or below {@code price} (never below 0). */
    public double roundDown(double price) {
        if (!(price > 0)) {
            return 0;
        }
        long cents = (long) Math.floor(price * 100 + 1e-7);
        long tick = cents < THREE_DOLLARS_CENTS ? centsBelowThree : centsFromThree;
        return Math.floorDiv(cents, tick) * tick / 100.0;
    }

    /** The lowest valid price at or above {@code price}; at least one tick. */
    public double roundUp(double price) {
        long cents = Math.max((long) Math.ceil(price * 100 - 1e-7), 1);
        long tick = cents < THREE_DOLLARS_CENTS ? centsBelowThree : centsFromThree;
        long up = Math.floorDiv(cents + tick - 1, tick) * tick;
        return up / 100.0;
    }
}
