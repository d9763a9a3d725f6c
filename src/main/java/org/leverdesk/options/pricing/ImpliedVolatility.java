package org.leverdesk.options.pricing;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.leverdesk.options.contract.OptionRight;

/**
 * Black-Scholes-Merton implied volatility by Brent's method (commons-math3 {@link BrentSolver}) on the
 * bracket [{@value #MIN_VOL}, {@value #MAX_VOL}]: bracketing guarantees convergence where Newton's method
 * alone can run away on deep in- or out-of-the-money options whose vega is nearly zero.
 *
 * <p>Before searching, the price is checked against the European no-arbitrage bounds and against the
 * prices at both ends of the bracket, so every failure is reported as a {@link ImpliedVolResult} with
 * its reason instead of an exception. An American option's price (a deep in-the-money put worth more
 * than K e^(−rT)) can lie outside the European bounds; that is reported, not forced.
 */
public final class ImpliedVolatility {
    public static final double MIN_VOL = 1e-4;
    public static final double MAX_VOL = 10.0;
    /** A result counts as converged when the model price is within this many dollars of the target (or 1e-9 relative). */
    public static final double PRICE_TOLERANCE = 1e-8;
    private static final int MAX_EVALUATIONS = 200;

    private ImpliedVolatility() {
    }

    /** The volatility at which {@link BlackScholes#price} equals {@code price}. */
    public static ImpliedVolResult solve(OptionRight right, double price, double spot, double strike, double years,
                                         double rate, double dividendYield) {
        if (!Double.isFinite(price) || !(spot > 0) || !(strike > 0) || !(years >= 0)
                || !Double.isFinite(spot + strike + years + rate + dividendYield)) {
            return ImpliedVolResult.failed(ImpliedVolResult.Status.INVALID_INPUT, 0, "price " + price + " or inputs (spot "
                    + spot + ", strike " + strike + ", years " + years + ", rate " + rate + ", yield " + dividendYield
                    + ") are not usable numbers");
        }
        if (years == 0) {
            return ImpliedVolResult.failed(ImpliedVolResult.Status.EXPIRED, 0, "the option expires now; there is no time value to imply a volatility from");
        }
        double lower = BlackScholes.lowerBound(right, spot, strike, years, rate, dividendYield);
        double upper = BlackScholes.upperBound(right, spot, strike, years, rate, dividendYield);
        if (price < lower - PRICE_TOLERANCE) {
            return ImpliedVolResult.failed(ImpliedVolResult.Status.BELOW_LOWER_BOUND, 0, String.format(java.util.Locale.ROOT,
                    "price %.4f is below the no-arbitrage lower bound %.4f", price, lower));
        }
        if (price >= upper) {
            return ImpliedVolResult.failed(ImpliedVolResult.Status.ABOVE_UPPER_BOUND, 0, String.format(java.util.Locale.ROOT,
                    "price %.4f is at or above the no-arbitrage upper bound %.4f", price, upper));
        }
        double tolerance = Math.max(PRICE_TOLERANCE, 1e-9 * price);
        double atMin = BlackScholes.price(right, spot, strike, years, rate, dividendYield, MIN_VOL);
        if (price < atMin - tolerance) {
            return ImpliedVolResult.failed(ImpliedVolResult.Status.OUTSIDE_VOL_RANGE, 1, String.format(java.util.Locale.ROOT,
                    "price %.6f implies a volatility below %.2f%% (the price at that volatility is %.6f)", price, MIN_VOL * 100, atMin));
        }
        double atMax = BlackScholes.price(right, spot, strike, years, rate, dividendYield, MAX_VOL);
        if (price > atMax + tolerance) {
            return ImpliedVolResult.failed(ImpliedVolResult.Status.OUTSIDE_VOL_RANGE, 2, String.format(java.util.Locale.ROOT,
                    "price %.4f implies a volatility above %.0f%% (the price at that volatility is %.4f)", price, MAX_VOL * 100, atMax));
        }
        if (Math.abs(price - atMin) <= tolerance) {
            return new ImpliedVolResult(ImpliedVolResult.Status.CONVERGED, MIN_VOL, 2, "price equals the value at the lowest volatility searched");
        }
        BrentSolver solver = new BrentSolver(1e-12, 1e-10, tolerance * 0.01);
        try {
            double vol = solver.solve(MAX_EVALUATIONS,
                    v -> BlackScholes.price(right, spot, strike, years, rate, dividendYield, v) - price,
                    MIN_VOL, MAX_VOL, initialGuess(price, spot, strike, years, rate, dividendYield));
            int evaluations = solver.getEvaluations() + 2;
            double error = BlackScholes.price(right, spot, strike, years, rate, dividendYield, vol) - price;
            if (Math.abs(error) > tolerance) {
                return ImpliedVolResult.failed(ImpliedVolResult.Status.NOT_CONVERGED, evaluations, String.format(java.util.Locale.ROOT,
                        "stopped at volatility %.6f with a price error of %.2e", vol, error));
            }
            return new ImpliedVolResult(ImpliedVolResult.Status.CONVERGED, vol, evaluations, "converged");
        } catch (MathIllegalStateException e) {
            return ImpliedVolResult.failed(ImpliedVolResult.Status.NOT_CONVERGED, solver.getEvaluations() + 2,
                    "no volatility found within " + MAX_EVALUATIONS + " evaluations: " + e.getMessage());
        }
    }

    /**
     * Brenner and Subrahmanyam's (1988) at-the-money approximation σ ≈ √(2π/T) · C / S, kept inside the
     * bracket: only a starting point, Brent's method does not depend on it for convergence.
     */
    private static double initialGuess(double price, double spot, double strike, double years, double rate, double dividendYield) {
        double forwardValue = Math.abs(spot * Math.exp(-dividendYield * years) - strike * Math.exp(-rate * years));
        double timeValue = Math.max(price - forwardValue, price * 0.5);
        double guess = Math.sqrt(2 * Math.PI / years) * timeValue / spot;
        return Math.min(Math.max(guess, 0.05), 2.0);
    }
}
