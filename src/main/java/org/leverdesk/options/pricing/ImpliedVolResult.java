package org.leverdesk.options.pricing;

/**
 * The outcome of an implied-volatility search: a volatility when it {@link #converged()}, otherwise a
 * status and a one-line reason. Bad prices are results, not exceptions, because market quotes are
 * often stale, crossed or below intrinsic value, and the caller decides what to do with them.
 */
public record ImpliedVolResult(Status status, double volatility, int evaluations, String message) {
    public enum Status {
        /** The model price at {@link #volatility()} matches the price within the tolerance. */
        CONVERGED,
        /** The price is below the European no-arbitrage lower bound max(S e^(−qT) − K e^(−rT), 0) (mirror for puts). */
        BELOW_LOWER_BOUND,
        /** The price is at or above the upper bound: S e^(−qT) for a call, K e^(−rT) for a put. */
        ABOVE_UPPER_BOUND,
        /** The price lies within the bounds but implies a volatility outside the searched range. */
        OUTSIDE_VOL_RANGE,
        /** The solver stopped at its evaluation limit without meeting the tolerance. */
        NOT_CONVERGED,
        /** No time value can be priced: the option expires now (T = 0). */
        EXPIRED,
        /** The price or an input is not a usable number. */
        INVALID_INPUT
    }

    public boolean converged() {
        return status == Status.CONVERGED;
    }

    static ImpliedVolResult failed(Status status, int evaluations, String message) {
        return new ImpliedVolResult(status, Double.NaN, evaluations, message);
    }
}
