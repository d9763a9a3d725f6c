package org.leverdesk.strategy.regime;

/**
 * Parameters of the signals that scale and gate the regime allocation (see {@link SignalCalculator}
 * for the formulas). Volatilities are annualized percentages; other ratios are fractions.
 */
public record SignalSettings(int rocShort, int rocMid, int rocLong, int smaShort,
                             double momentumMin, double momentumFull,
                             int volWindow, double volLow, double volNormal, double volHigh, double volHighScale,
                             double maxOverextension, int sidewaysLookback, double sidewaysMinSlope,
                             double sidewaysMinEfficiency, double minTrendStrength,
                             double bearishPutCallRatio, double bearishScale) {

    /**
     * Defaults. The sideways slope threshold is 0.5% over 20 days (about 6% a year): QQQ's long-run
     * trend is 10-13% a year, so a 1% threshold would call an ordinary market sideways.
     */
    public static SignalSettings defaults() {
        return new SignalSettings(20, 60, 120, 20, 0.3, 0.7, 20, 15, 25, 35, 0.5,
                0.10, 20, 0.005, 0.05, 0.02, 2.0, 0.5);
    }

    public SignalSettings {
        if (rocShort < 1 || rocMid <= rocShort || rocLong <= rocMid || rocLong > 1000 || smaShort < 2 || smaShort > 1000) {
            throw new IllegalArgumentException("momentum lookbacks need 1 <= rocShort < rocMid < rocLong <= 1000 and smaShort >= 2 (got "
                    + rocShort + "/" + rocMid + "/" + rocLong + ", sma " + smaShort + ")");
        }
        if (!(momentumMin >= 0 && momentumMin < momentumFull && momentumFull <= 1)) {
            throw new IllegalArgumentException("momentum thresholds need 0 <= momentumMin < momentumFull <= 1 (got "
                    + momentumMin + ", " + momentumFull + ")");
        }
        if (volWindow < 2 || volWindow > 500) {
            throw new IllegalArgumentException("volWindow must be 2..500 days (got " + volWindow + ")");
        }
        if (!(volLow > 0 && volLow < volNormal && volNormal < volHigh && Double.isFinite(volHigh))) {
            throw new IllegalArgumentException("volatility bands need 0 < volLow < volNormal < volHigh, in % (got "
                    + volLow + ", " + volNormal + ", " + volHigh + ")");
        }
        requireFraction("volHighScale", volHighScale);
        requireFraction("bearishScale", bearishScale);
        if (!(maxOverextension > 0 && maxOverextension <= 1)) {
            throw new IllegalArgumentException("maxOverextension must be a fraction above 0 and at most 1, e.g. 0.10 (got " + maxOverextension + ")");
        }
        if (sidewaysLookback < 1 || sidewaysLookback > 500) {
            throw new IllegalArgumentException("sidewaysLookback must be 1..500 days (got " + sidewaysLookback + ")");
        }
        requireFraction("sidewaysMinSlope", sidewaysMinSlope);
        requireFraction("sidewaysMinEfficiency", sidewaysMinEfficiency);
        requireFraction("minTrendStrength", minTrendStrength);
        if (!(bearishPutCallRatio >= 1 && Double.isFinite(bearishPutCallRatio))) {
            throw new IllegalArgumentException("bearishPutCallRatio must be at least 1, e.g. 2 (got " + bearishPutCallRatio + ")");
        }
    }

    private static void requireFraction(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be a fraction from 0 to 1 (got " + v + ")");
        }
    }

    /** Bars needed before every signal is defined. */
    public int barsNeeded() {
        return Math.max(Math.max(rocLong, volWindow), Math.max(smaShort, sidewaysLookback)) + 1;
    }

    /** The band of an annualized volatility in %: LOW below volLow, NORMAL below volNormal, HIGH below volHigh, else EXTREME. */
    public VolBand band(double volPct) {
        if (Double.isNaN(volPct)) {
            return VolBand.EXTREME; // unknown volatility is treated as unsafe
        }
        return volPct < volLow ? VolBand.LOW : volPct < volNormal ? VolBand.NORMAL : volPct < volHigh ? VolBand.HIGH : VolBand.EXTREME;
    }

    /** Position scale of a volatility band: 1, 1, volHighScale (0.5), 0. */
    public double volScale(VolBand band) {
        return switch (band) {
            case LOW, NORMAL -> 1.0;
            case HIGH -> volHighScale;
            case EXTREME -> 0.0;
        };
    }

    /**
     * Position scale of a momentum score: 0 below momentumMin, 1 at or above momentumFull, and
     * linear from 0.5 to 1 in between (with defaults: score 0.5 gives 0.75).
     */
    public double momentumScale(double score) {
        if (!(score >= momentumMin)) {
            return 0.0;
        }
        if (score >= momentumFull) {
            return 1.0;
        }
        return 0.5 + 0.5 * (score - momentumMin) / (momentumFull - momentumMin);
    }
}
