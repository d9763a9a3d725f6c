package org.leverdesk.options.pricing;

/**
 * Sensitivities of one option (per share, not per contract) in the units of the formulas: delta per $1
 * of the underlying, gamma per $1 per $1, theta per year, vega per 1.00 of volatility (100 vol points),
 * rho per 1.00 of the rate. The accessors below give the units traders quote.
 */
public record Greeks(double delta, double gamma, double thetaPerYear, double vega, double rho) {
    /** All zero: an expired option, or one exercised at once. */
    public static final Greeks NONE = new Greeks(0, 0, 0, 0, 0);

    /** Theta per calendar day: the value lost overnight with everything else unchanged (theta per year / 365). */
    public double thetaPerDay() {
        return thetaPerYear / 365.0;
    }

    /** Vega per volatility point: the change for implied volatility +1% (e.g. 20% → 21%). */
    public double vegaPerVolPoint() {
        return vega / 100.0;
    }

    /** Rho per percentage point of the rate. */
    public double rhoPerPercentPoint() {
        return rho / 100.0;
    }

    /** These Greeks times {@code factor}, e.g. quantity × multiplier for a position. */
    public Greeks times(double factor) {
        return new Greeks(delta * factor, gamma * factor, thetaPerYear * factor, vega * factor, rho * factor);
    }

    /** The sum of two sets of Greeks (positions on one underlying). */
    public Greeks plus(Greeks o) {
        return new Greeks(delta + o.delta, gamma + o.gamma, thetaPerYear + o.thetaPerYear, vega + o.vega, rho + o.rho);
    }
}
