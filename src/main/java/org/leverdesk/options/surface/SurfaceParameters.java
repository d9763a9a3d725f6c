package org.leverdesk.options.surface;

import java.util.Locale;

/**
 * The shape of the synthetic implied-volatility surface (README, Options; decision record 0004).
 *
 * <p>Smile: σ(K, T) = σ_ATM(T) · f(x) with x = ln(K / F) / (σ_ATM(T) √T), the log-moneyness in standard
 * deviations, and f(x) = 1 + skew · x + curvature · x², x held within ±{@code wingLimit} (flat wings).
 * A smile constant in x makes the skew in log-moneyness steepen like 1/√T for short expiries, as equity
 * index skews do.
 *
 * <p>Term structure: expected variance reverts from today's level to a long-run level at speed κ
 * ({@code meanReversion}, per year), so the ATM variance to T is
 * w(T) = θ + (v₀ − θ)(1 − e^(−κT))/(κT), pinned so that the 30-day ATM volatility is the one the index
 * implies; θ is the ATM variance that belongs to the index level {@code longRunIndex}.
 *
 * @param skew          slope of f at the money (negative: puts dearer than calls)
 * @param curvature     convexity of f (≥ 0)
 * @param wingLimit     |x| beyond which the smile is flat
 * @param meanReversion κ per year (0 = flat term structure)
 * @param longRunIndex  the volatility index level the term structure reverts to, as a decimal (0.209 = 20.9)
 * @param minAtmVol     floor under any ATM volatility, as a decimal
 */
public record SurfaceParameters(double skew, double curvature, double wingLimit, double meanReversion,
                                double longRunIndex, double minAtmVol) {
    /** Fitted to a 30-DTE SPY smile (25Δ and 10Δ puts and calls), see the README. */
    public static final double DEFAULT_SKEW = -0.15;
    public static final double DEFAULT_CURVATURE = 0.02;
    public static final double DEFAULT_WING_LIMIT = 4.0;
    /** AR(1) of month-apart VIX² 1990–2026 (../shared/data/prices/VIX.csv): κ ≈ 3.4 a year, half-life ≈ 2.4 months. */
    public static final double DEFAULT_MEAN_REVERSION = 3.4;
    /** Long-run (root-mean-square) VIX close 1990–2026. */
    public static final double VIX_LONG_RUN = 0.209;
    /** Long-run (root-mean-square) VXN close 2009–2026. */
    public static final double VXN_LONG_RUN = 0.226;
    public static final double DEFAULT_MIN_ATM_VOL = 0.02;

    public SurfaceParameters {
        require(Double.isFinite(skew) && skew >= -1 && skew <= 1, "skew must be between -1 and 1 (got " + skew + ")");
        require(Double.isFinite(curvature) && curvature >= 0 && curvature <= 0.5,
                "curvature must be between 0 and 0.5 (got " + curvature + ")");
        require(Double.isFinite(wingLimit) && wingLimit > 0 && wingLimit <= 10,
                "wing limit must be above 0 and at most 10 standard deviations (got " + wingLimit + ")");
        // f must stay positive on the wings, and x / f(x) must rise with x (curvature · x² < 1), or the smile
        // would make the strike-to-d2 map fold over: butterfly arbitrage in the model.
        require(curvature * wingLimit * wingLimit < 1, String.format(Locale.ROOT,
                "curvature %.4f with wing limit %.2f folds the smile over (curvature × limit² must stay below 1)", curvature, wingLimit));
        double minF = Math.min(smile(skew, curvature, wingLimit, -wingLimit), smile(skew, curvature, wingLimit, wingLimit));
        if (curvature > 0) {
            double vertex = -skew / (2 * curvature);
            if (Math.abs(vertex) <= wingLimit) {
                minF = Math.min(minF, smile(skew, curvature, wingLimit, vertex));
            }
        }
        require(minF >= 0.05, String.format(Locale.ROOT,
                "skew %.3f and curvature %.3f push the smile to %.3f of the ATM volatility inside the wing limit; it must stay above 0.05",
                skew, curvature, minF));
        require(Double.isFinite(meanReversion) && meanReversion >= 0 && meanReversion <= 50,
                "mean reversion must be between 0 and 50 a year (got " + meanReversion + ")");
        require(Double.isFinite(longRunIndex) && longRunIndex > 0.01 && longRunIndex < 3,
                "long-run index level must be a decimal between 0.01 and 3 (got " + longRunIndex + "; 0.209 means 20.9)");
        require(Double.isFinite(minAtmVol) && minAtmVol > 0 && minAtmVol < 1,
                "minimum ATM volatility must be a decimal between 0 and 1 (got " + minAtmVol + ")");
    }

    /** The defaults with the given long-run index level. */
    public static SurfaceParameters defaults(double longRunIndex) {
        return new SurfaceParameters(DEFAULT_SKEW, DEFAULT_CURVATURE, DEFAULT_WING_LIMIT, DEFAULT_MEAN_REVERSION,
                longRunIndex, DEFAULT_MIN_ATM_VOL);
    }

    /** The defaults for options priced off VIX (SPY) or VXN (QQQ, QQQM); other names get VIX's long-run level. */
    public static SurfaceParameters forIndex(String indexName) {
        return defaults("VXN".equalsIgnoreCase(indexName) ? VXN_LONG_RUN : VIX_LONG_RUN);
    }

    /** f(x): the smile as a multiple of the ATM volatility at x standard deviations of log-moneyness. */
    public double smile(double x) {
        return smile(skew, curvature, wingLimit, x);
    }

    private static double smile(double skew, double curvature, double wingLimit, double x) {
        double c = Math.max(-wingLimit, Math.min(wingLimit, x));
        return 1 + skew * c + curvature * c * c;
    }

    public SurfaceParameters withSkew(double value) {
        return new SurfaceParameters(value, curvature, wingLimit, meanReversion, longRunIndex, minAtmVol);
    }

    public SurfaceParameters withCurvature(double value) {
        return new SurfaceParameters(skew, value, wingLimit, meanReversion, longRunIndex, minAtmVol);
    }

    public SurfaceParameters withMeanReversion(double value) {
        return new SurfaceParameters(skew, curvature, wingLimit, value, longRunIndex, minAtmVol);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
