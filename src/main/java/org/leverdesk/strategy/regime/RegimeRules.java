package org.leverdesk.strategy.regime;

/**
 * The regime rules: SMA periods, the deadzone band and the minimum hold. {@link #classify} gives the
 * raw regime of one day; {@link #switches} decides whether the confirmed regime changes.
 */
public record RegimeRules(int fastPeriod, int slowPeriod, double deadzone, int holdDays) {
    public static final int DEFAULT_FAST = 50;
    public static final int DEFAULT_SLOW = 250;
    public static final double DEFAULT_DEADZONE = 0.02;
    public static final int DEFAULT_HOLD_DAYS = 2;

    public RegimeRules {
        if (fastPeriod < 2 || slowPeriod <= fastPeriod || slowPeriod > 1000) {
            throw new IllegalArgumentException("SMA periods need 2 <= fast < slow <= 1000 (got fast " + fastPeriod
                    + ", slow " + slowPeriod + ")");
        }
        if (!(deadzone >= 0 && deadzone < 0.5)) {
            throw new IllegalArgumentException("deadzone must be a fraction from 0 to below 0.5, e.g. 0.02 for 2% (got " + deadzone + ")");
        }
        if (holdDays < 1 || holdDays > 20) {
            throw new IllegalArgumentException("holdDays must be between 1 and 20 (got " + holdDays + ")");
        }
    }

    public static RegimeRules defaults() {
        return new RegimeRules(DEFAULT_FAST, DEFAULT_SLOW, DEFAULT_DEADZONE, DEFAULT_HOLD_DAYS);
    }

    /**
     * The raw regime of one day; the first matching rule wins:
     * <ol>
     * <li>close &lt; slow·(1−dz): BREAKDOWN if fast &lt; slow (death cross), else RISK_OFF;</li>
     * <li>close &gt; fast·(1+dz), close &gt; slow and fast &gt; slow: STRONG_BULL;</li>
     * <li>close &gt; fast·(1+dz) and close &gt; slow: BULL;</li>
     * <li>otherwise CAUTIOUS (above the lower slow band but near or below the fast SMA).</li>
     * </ol>
     */
    public Regime classify(double close, double fastSma, double slowSma) {
        if (close < slowSma * (1 - deadzone)) {
            return fastSma < slowSma ? Regime.BREAKDOWN : Regime.RISK_OFF;
        }
        boolean aboveFastBand = close > fastSma * (1 + deadzone);
        if (aboveFastBand && close > slowSma && fastSma > slowSma) {
            return Regime.STRONG_BULL;
        }
        if (aboveFastBand && close > slowSma) {
            return Regime.BULL;
        }
        return Regime.CAUTIOUS;
    }

    /**
     * Whether today's raw regime replaces the confirmed one. A regime entered {@code daysSinceEntry}
     * trading days ago (0 = today) is held while daysSinceEntry &lt; holdDays; a raw RISK_OFF or
     * BREAKDOWN replaces any other regime at once.
     */
    public boolean switches(Regime confirmed, int daysSinceEntry, Regime raw) {
        if (raw == confirmed) {
            return false;
        }
        return raw.isRiskOff() || daysSinceEntry >= holdDays;
    }
}
