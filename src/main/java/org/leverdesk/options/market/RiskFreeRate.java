package org.leverdesk.options.market;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The risk-free rate for option pricing, continuously compounded, from the 3-month Treasury bill
 * (FRED DGS3MO, percent, bond-equivalent yield) with a constant fallback where the series has no value.
 *
 * <p>Conversion: a bill's bond-equivalent yield y is simple interest on a 365-day year over its 91 days,
 * so $1 grows to 1 + y·91/365 and the continuous rate is r = ln(1 + y·91/365) · 365/91 (5.00% → 4.969%).
 */
public final class RiskFreeRate {
    /** The fallback when no rate is known: 3%, about the 1990–2026 average of DGS3MO (2.8%). */
    public static final double DEFAULT_FALLBACK = 0.03;
    /** A T-bill value stays valid this many calendar days (FRED leaves federal holidays empty). */
    public static final int DEFAULT_MAX_AGE_DAYS = 10;
    private static final double BILL_YEARS = 91 / 365.0;

    private final DailySeries percent;
    private final double fallback;

    private RiskFreeRate(DailySeries percent, double fallback) {
        if (!Double.isFinite(fallback) || fallback < -0.05 || fallback > 0.3) {
            throw new IllegalArgumentException("fallback risk-free rate must be a decimal between -0.05 and 0.3 (got " + fallback + ")");
        }
        this.percent = percent;
        this.fallback = fallback;
    }

    /** T-bill yields in percent (DGS3MO), with {@code fallback} (continuous, decimal) where there are none. */
    public static RiskFreeRate treasuryBills(DailySeries percentYields, double fallback) {
        return new RiskFreeRate(percentYields, fallback);
    }

    /** The same rate every day (the demo market, or no rate file). */
    public static RiskFreeRate constant(double continuousRate) {
        return new RiskFreeRate(null, continuousRate);
    }

    /** Continuous rate from a bond-equivalent yield in percent: ln(1 + y·91/365) · 365/91. */
    public static double continuousFromBillPercent(double bondEquivalentPercent) {
        return Math.log1p(bondEquivalentPercent / 100 * BILL_YEARS) / BILL_YEARS;
    }

    /** The rate valid on {@code date}, with where it came from. */
    public Observation on(LocalDate date) {
        if (percent != null) {
            int i = percent.indexOn(date);
            if (i >= 0) {
                return new Observation(continuousFromBillPercent(percent.value(i)), percent.date(i), percent.name());
            }
        }
        return new Observation(fallback, null, "constant");
    }

    /**
     * A rate and its source.
     *
     * @param continuous the continuously compounded annual rate, decimal
     * @param observed   the date of the T-bill value used, or null for the fallback constant
     * @param source     "DGS3MO" or "constant"
     */
    public record Observation(double continuous, LocalDate observed, String source) {
        public boolean isFallback() {
            return observed == null;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "r %.3f%% (%s%s)", continuous * 100, source, observed == null ? "" : " " + observed);
        }
    }
}
