package org.leverdesk.strategy.regime;

/**
 * How the regime allocation becomes shares: the share of account equity the strategy may use
 * (capital isolation), the allocation per regime, the minimum trade value, the optional day-trade
 * guard, and how many minutes before the close the decision runs (15:50 ET on a 16:00 close).
 */
public record SizingSettings(double capitalFraction, double strongBull, double bull, double cautious,
                             double minTradeValue, boolean dayTradeGuard, int minDayTradesRemaining,
                             int minutesBeforeClose) {

    public static SizingSettings defaults() {
        return new SizingSettings(0.30, 0.70, 0.50, 0.25, 100, false, 2, 10);
    }

    public SizingSettings {
        fraction("capitalFraction", capitalFraction);
        fraction("strongBull", strongBull);
        fraction("bull", bull);
        fraction("cautious", cautious);
        if (!(minTradeValue >= 0) || !Double.isFinite(minTradeValue)) {
            throw new IllegalArgumentException("minTradeValue must be a dollar amount of 0 or more (got " + minTradeValue + ")");
        }
        if (minDayTradesRemaining < 0 || minDayTradesRemaining > 10) {
            throw new IllegalArgumentException("minDayTradesRemaining must be 0..10 (got " + minDayTradesRemaining + ")");
        }
        if (minutesBeforeClose < 0 || minutesBeforeClose > 390) {
            throw new IllegalArgumentException("minutesBeforeClose must be 0..390 (got " + minutesBeforeClose + ")");
        }
    }

    private static void fraction(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be a fraction from 0 to 1, e.g. 0.30 for 30% (got " + v + ")");
        }
    }

    /** Share of the strategy's capital to hold in a regime: 70/50/25/0/0% by default. */
    public double allocation(Regime r) {
        if (r == null) {
            return 0;
        }
        return switch (r) {
            case STRONG_BULL -> strongBull;
            case BULL -> bull;
            case CAUTIOUS -> cautious;
            case RISK_OFF, BREAKDOWN -> 0;
        };
    }
}
