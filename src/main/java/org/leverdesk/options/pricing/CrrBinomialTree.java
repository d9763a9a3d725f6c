package org.leverdesk.options.pricing;

import org.leverdesk.options.contract.OptionRight;

/**
 * American options on a Cox-Ross-Rubinstein (1979) binomial tree with a continuous dividend yield
 * (Hull, ch. 21): n steps of Δt = T/n, up factor u = e^(σ√Δt), down d = 1/u, risk-neutral probability
 * p = (e^((r−q)Δt) − d) / (u − d); backwards from the payoff, each node is worth
 * max(intrinsic, e^(−rΔt)(p·up + (1−p)·down)).
 *
 * <p>This is the project's American model, used for early-exercise checks (the synthetic chains are
 * priced European, see decision record 0004). The error shrinks like 1/n with an odd-even oscillation;
 * {@link #DEFAULT_STEPS} steps are within about a cent of the limit for one-year at-the-money options
 * on a $100 underlying and take well under a millisecond.
 */
public final class CrrBinomialTree {
    public static final int DEFAULT_STEPS = 500;

    private final int steps;
    private final double[] values;
    private final double[] prices;

    /** A tree with {@code steps} time steps; an instance holds working arrays, so it is not thread-safe. */
    public CrrBinomialTree(int steps) {
        if (steps < 1 || steps > 100_000) {
            throw new IllegalArgumentException("a binomial tree needs 1 to 100,000 steps (got " + steps + ")");
        }
        this.steps = steps;
        this.values = new double[steps + 1];
        this.prices = new double[steps + 1];
    }

    public CrrBinomialTree() {
        this(DEFAULT_STEPS);
    }

    public int steps() {
        return steps;
    }

    /** The American value per share. */
    public double price(OptionRight right, double spot, double strike, double years, double rate, double dividendYield,
                        double volatility) {
        return value(right, spot, strike, years, rate, dividendYield, volatility).american();
    }

    /** The American value with the European value, the intrinsic value and the value of holding on. */
    public AmericanValuation value(OptionRight right, double spot, double strike, double years, double rate,
                                   double dividendYield, double volatility) {
        BlackScholes.check(spot, strike, years, rate, dividendYield, volatility);
        double european = BlackScholes.price(right, spot, strike, years, rate, dividendYield, volatility);
        double intrinsic = right.intrinsic(spot, strike);
        if (years == 0 || volatility == 0) {
            // Without uncertainty the tree has nothing to say; holding is worth the European value.
            double hold = european;
            return new AmericanValuation(Math.max(intrinsic, hold), european, intrinsic, hold, steps);
        }
        double dt = years / steps;
        double u = Math.exp(volatility * Math.sqrt(dt));
        double d = 1 / u;
        double growth = Math.exp((rate - dividendYield) * dt);
        double p = (growth - d) / (u - d);
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("a " + steps + "-step tree cannot price these inputs (risk-neutral probability "
                    + p + " outside 0..1); use more steps");
        }
        double discount = Math.exp(-rate * dt);
        double pu = discount * p;
        double pd = discount * (1 - p);
        boolean call = right == OptionRight.CALL;
        // Prices at the last step: spot · u^(2j − n), j up-moves, built by multiplying to keep it O(n).
        double u2 = u * u;
        double s = spot * Math.pow(d, steps);
        for (int j = 0; j <= steps; j++) {
            prices[j] = s;
            values[j] = call ? Math.max(s - strike, 0) : Math.max(strike - s, 0);
            s *= u2;
        }
        double continuation = 0;
        for (int i = steps - 1; i >= 0; i--) {
            for (int j = 0; j <= i; j++) {
                // The node (i, j) lies between (i+1, j) and (i+1, j+1): its price is prices[j] · u.
                double price = i == 0 ? spot : prices[j] * u; // the root exactly, free of rounding drift
                prices[j] = price;
                double hold = pu * values[j + 1] + pd * values[j];
                if (i == 0) {
                    continuation = hold;
                }
                double exercise = call ? price - strike : strike - price;
                values[j] = Math.max(hold, exercise);
            }
        }
        return new AmericanValuation(values[0], european, intrinsic, continuation, steps);
    }
}
