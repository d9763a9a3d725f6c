package org.leverdesk.options.surface;

/**
 * One day's implied-volatility surface, built by {@link VolSurfaceModel#surface} from that day's index
 * level: the ATM volatility for any time to expiry and the smile around it. Immutable; the chain calls
 * {@link #atmVol} once per expiry and {@link #vol} once per strike.
 */
public final class VolSurface {
    private final SurfaceParameters p;
    private final double indexLevel;
    private final double atm30;
    private final double v30;
    private final double longRunVar;
    private final double g30;
    private final double minVar;

    VolSurface(SurfaceParameters parameters, double indexLevel, double atm30, double longRunAtm) {
        this.p = parameters;
        this.indexLevel = indexLevel;
        this.atm30 = atm30;
        this.v30 = atm30 * atm30;
        this.longRunVar = longRunAtm * longRunAtm;
        this.g30 = decay(parameters.meanReversion() * VolSurfaceModel.THIRTY_DAYS);
        this.minVar = parameters.minAtmVol() * parameters.minAtmVol();
    }

    /** The index level the surface was built from, as a decimal (0.2493 for VXN 24.93). */
    public double indexLevel() {
        return indexLevel;
    }

    /** The 30-day ATM volatility the index implies. */
    public double atm30() {
        return atm30;
    }

    public SurfaceParameters parameters() {
        return p;
    }

    /** ATM volatility to {@code years}: √(θ + (v₃₀ − θ) g(T) / g(30 days)), g(T) = (1 − e^(−κT)) / (κT), floored. */
    public double atmVol(double years) {
        double w = longRunVar + (v30 - longRunVar) * decay(p.meanReversion() * Math.max(years, 0)) / g30;
        return Math.sqrt(Math.max(w, minVar));
    }

    /** Implied volatility at log-moneyness {@code k} = ln(K / F) for an expiry {@code years} away. */
    public double vol(double years, double logMoneyness) {
        return vol(years, logMoneyness, atmVol(years));
    }

    /** The same with the expiry's ATM volatility already known (the chain's inner loop). */
    public double vol(double years, double logMoneyness, double atm) {
        if (!(years > 0)) {
            return atm;
        }
        return atm * p.smile(logMoneyness / (atm * Math.sqrt(years)));
    }

    /** (1 − e^(−y)) / y, → 1 as y → 0 (series there, to keep full precision). */
    private static double decay(double y) {
        return y < 1e-6 ? 1 - y / 2 + y * y / 6 : -Math.expm1(-y) / y;
    }
}
