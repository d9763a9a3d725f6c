package org.leverdesk.options.surface;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.pricing.BlackScholes;

/**
 * Turns a volatility index level (VIX, VXN: 30-day variance-swap levels over all strikes, skew included)
 * into an implied-volatility surface with the {@link SurfaceParameters}' smile and term structure.
 *
 * <p><b>ATM below the index.</b> A variance swap is worth the strip of out-of-the-money options over all
 * strikes, (2/T) ∫ OTM(K) e^(rT) / K² dK (Demeterfi, Derman, Kamal and Zou 1999; Cboe's VIX white paper
 * computes the same sum). With a skewed smile the wings raise that strip above the ATM variance, so the
 * ATM volatility sits below the index. This model solves for the 30-day ATM volatility whose smile's
 * strip equals the index: {@link #varianceSwapVol} integrates the strip numerically (Simpson's rule in
 * standardised log-moneyness) for 32 ATM levels from 1% to 300%, once per parameter set, and
 * {@link #atmFromIndex} interpolates. With the default smile the ratio ATM / index is about 0.92 at
 * ordinary levels and 0.90 at crisis levels; the tests check that Cboe's own VIX formula applied to a
 * synthetic 30-day chain gives back the index.
 */
public final class VolSurfaceModel {
    static final double THIRTY_DAYS = 30 / 365.0;
    private static final int TABLE_POINTS = 32;
    private static final double TABLE_MIN_ATM = 0.01;
    private static final double TABLE_MAX_ATM = 3.0;
    private static final int SIMPSON_STEPS_PER_UNIT = 24;
    private static final Map<SurfaceParameters, VolSurfaceModel> MEMO = new ConcurrentHashMap<>();

    private final SurfaceParameters parameters;
    private final double[] tableIndex = new double[TABLE_POINTS];
    private final double[] tableAtm = new double[TABLE_POINTS];
    private final double longRunAtm;

    /** The model of {@code parameters}, built once per distinct parameter set (the table takes a few milliseconds). */
    public static VolSurfaceModel of(SurfaceParameters parameters) {
        if (MEMO.size() > 64) {
            MEMO.clear(); // a sweep over many parameter sets must not grow the memo without bound
        }
        return MEMO.computeIfAbsent(parameters, VolSurfaceModel::new);
    }

    public VolSurfaceModel(SurfaceParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        double ratio = Math.pow(TABLE_MAX_ATM / TABLE_MIN_ATM, 1.0 / (TABLE_POINTS - 1));
        double atm = TABLE_MIN_ATM;
        for (int i = 0; i < TABLE_POINTS; i++, atm *= ratio) {
            tableAtm[i] = atm;
            tableIndex[i] = varianceSwapVol(atm);
        }
        this.longRunAtm = atmFromIndex(parameters.longRunIndex());
    }

    public SurfaceParameters parameters() {
        return parameters;
    }

    /** The surface of a day whose index closed at {@code indexLevel} (a decimal: 0.2493 for 24.93). */
    public VolSurface surface(double indexLevel) {
        if (!(indexLevel > 0) || !Double.isFinite(indexLevel)) {
            throw new IllegalArgumentException("volatility index level must be a positive decimal (got " + indexLevel + ")");
        }
        return new VolSurface(parameters, indexLevel, atmFromIndex(indexLevel), longRunAtm);
    }

    /** The 30-day ATM volatility whose smile's variance-swap level is {@code indexLevel}. */
    public double atmFromIndex(double indexLevel) {
        if (indexLevel <= tableIndex[0]) {
            return indexLevel * tableAtm[0] / tableIndex[0];
        }
        int last = TABLE_POINTS - 1;
        if (indexLevel >= tableIndex[last]) {
            return indexLevel * tableAtm[last] / tableIndex[last];
        }
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (tableIndex[mid] <= indexLevel) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        // Interpolate the ratio, which varies slowly, rather than the ATM level itself.
        double w = (indexLevel - tableIndex[lo]) / (tableIndex[hi] - tableIndex[lo]);
        double ratio = (1 - w) * tableAtm[lo] / tableIndex[lo] + w * tableAtm[hi] / tableIndex[hi];
        return indexLevel * ratio;
    }

    /**
     * The 30-day variance-swap level, as a volatility, of this smile around the ATM volatility {@code atm30}:
     * √((2/T) ∫ OTM(k) e^(−k) dk) with forward prices normalised to F = 1 and k = ln(K/F), undiscounted (the
     * rate and dividends cancel in forward terms).
     */
    public double varianceSwapVol(double atm30) {
        double t = THIRTY_DAYS;
        double u = atm30 * Math.sqrt(t);
        double wing = parameters.wingLimit();
        double fMax = Math.max(parameters.smile(-wing), parameters.smile(wing));
        double reach = Math.max(12 * fMax + 2, wing + 1);
        // Pieces between the kinks of the integrand (the ATM switch from puts to calls, the wing limits).
        double[] edges = {-reach, -wing, 0, wing, reach};
        double integral = 0;
        for (int i = 0; i + 1 < edges.length; i++) {
            integral += simpson(edges[i], edges[i + 1], atm30, u, t);
        }
        return Math.sqrt(2 * integral / t);
    }

    private double simpson(double from, double to, double atm30, double u, double t) {
        int n = Math.max(2, 2 * (int) Math.ceil((to - from) * SIMPSON_STEPS_PER_UNIT / 2));
        double h = (to - from) / n;
        double sum = integrand(from, atm30, u, t) + integrand(to, atm30, u, t);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * integrand(from + i * h, atm30, u, t);
        }
        return sum * h / 3;
    }

    /** OTM(k) e^(−k) dk/dx at x standard deviations, k = u x (so dk = u dx). */
    private double integrand(double x, double atm30, double u, double t) {
        double k = u * x;
        double strike = Math.exp(k);
        double vol = atm30 * parameters.smile(x);
        OptionRight right = x < 0 ? OptionRight.PUT : OptionRight.CALL;
        double otm = BlackScholes.price(right, 1, strike, t, 0, 0, vol);
        return otm * Math.exp(-k) * u;
    }
}
