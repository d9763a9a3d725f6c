package org.leverdesk.options.pricing;

import org.leverdesk.options.contract.OptionRight;

/**
 * Black-Scholes-Merton prices and Greeks of European options on an asset paying a continuous dividend
 * yield q, with a continuously compounded risk-free rate r (Merton 1973; Hull, Options, Futures and
 * Other Derivatives, ch. 15, 17 and 19):
 * <pre>
 *   d1 = [ln(S/K) + (r − q + σ²/2)T] / (σ√T),   d2 = d1 − σ√T
 *   call = S e^(−qT) N(d1) − K e^(−rT) N(d2)      put = K e^(−rT) N(−d2) − S e^(−qT) N(−d1)
 *   delta  call e^(−qT) N(d1)                     put e^(−qT) (N(d1) − 1)
 *   gamma  e^(−qT) n(d1) / (S σ √T)               vega  S e^(−qT) n(d1) √T
 *   theta  −S e^(−qT) n(d1) σ / (2√T) ∓ r K e^(−rT) N(±d2) ± q S e^(−qT) N(±d1)   (upper sign call)
 *   rho    call K T e^(−rT) N(d2)                 put −K T e^(−rT) N(−d2)
 * </pre>
 * T is in years (this project: calendar days / 365), σ and r and q are annual decimals. At T = 0 the
 * value is the intrinsic value; with σ = 0 it is the discounted payoff of the forward. Inputs outside
 * their domain (S or K ≤ 0, T or σ below 0, anything not finite) are programming errors and throw.
 */
public final class BlackScholes {
    private static final double TINY_STDEV = 1e-12;

    private BlackScholes() {
    }

    /** The price per share. */
    public static double price(OptionRight right, double spot, double strike, double years, double rate,
                               double dividendYield, double volatility) {
        check(spot, strike, years, rate, dividendYield, volatility);
        if (years == 0) {
            return right.intrinsic(spot, strike);
        }
        double dq = Math.exp(-dividendYield * years);
        double dr = Math.exp(-rate * years);
        double stdev = volatility * Math.sqrt(years);
        if (stdev < TINY_STDEV) {
            return right.intrinsic(spot * dq, strike * dr);
        }
        double d1 = (Math.log(spot / strike) + (rate - dividendYield) * years) / stdev + 0.5 * stdev;
        double d2 = d1 - stdev;
        return right == OptionRight.CALL
                ? spot * dq * StandardNormal.cdf(d1) - strike * dr * StandardNormal.cdf(d2)
                : strike * dr * StandardNormal.cdf(-d2) - spot * dq * StandardNormal.cdf(-d1);
    }

    /** The price per share and every Greek, computed together (they share d1, d2 and the discount factors). */
    public static OptionValuation value(OptionRight right, double spot, double strike, double years, double rate,
                                        double dividendYield, double volatility) {
        check(spot, strike, years, rate, dividendYield, volatility);
        boolean call = right == OptionRight.CALL;
        if (years == 0) {
            double intrinsic = right.intrinsic(spot, strike);
            double delta = call ? (spot > strike ? 1 : 0) : (spot < strike ? -1 : 0);
            return new OptionValuation(intrinsic, new Greeks(delta, 0, 0, 0, 0));
        }
        double dq = Math.exp(-dividendYield * years);
        double dr = Math.exp(-rate * years);
        double sq = spot * dq;
        double kr = strike * dr;
        double sqrtT = Math.sqrt(years);
        double stdev = volatility * sqrtT;
        if (stdev < TINY_STDEV) {
            // No uncertainty left: the option is the forward's payoff, discounted; Greeks of a forward or of nothing.
            boolean inTheMoney = call ? sq > kr : kr > sq;
            if (!inTheMoney) {
                return new OptionValuation(0, Greeks.NONE);
            }
            double sign = call ? 1 : -1;
            return new OptionValuation(sign * (sq - kr), new Greeks(sign * dq, 0,
                    sign * (dividendYield * sq - rate * kr), 0, sign * strike * years * dr));
        }
        double d1 = (Math.log(spot / strike) + (rate - dividendYield) * years) / stdev + 0.5 * stdev;
        double d2 = d1 - stdev;
        double nd1 = StandardNormal.pdf(d1);
        double decay = -sq * nd1 * volatility / (2 * sqrtT);
        double gamma = dq * nd1 / (spot * stdev);
        double vega = sq * nd1 * sqrtT;
        if (call) {
            double cd1 = StandardNormal.cdf(d1);
            double cd2 = StandardNormal.cdf(d2);
            return new OptionValuation(sq * cd1 - kr * cd2, new Greeks(dq * cd1, gamma,
                    decay - rate * kr * cd2 + dividendYield * sq * cd1, vega, strike * years * dr * cd2));
        }
        double pd1 = StandardNormal.cdf(-d1);
        double pd2 = StandardNormal.cdf(-d2);
        return new OptionValuation(kr * pd2 - sq * pd1, new Greeks(-dq * pd1, gamma,
                decay + rate * kr * pd2 - dividendYield * sq * pd1, vega, -strike * years * dr * pd2));
    }

    /**
     * The call and the put of one strike together, as {@link #value} would give each: they share d1, d2, the
     * discount factors and the density, so a chain prices both for about the cost of one. N(−d) is taken as
     * 1 − N(d) here, which is exact to 1e-16 in absolute terms (prices to a fraction of a cent's billionth).
     */
    public static CallPut callAndPut(double spot, double strike, double years, double rate, double dividendYield,
                                     double volatility) {
        check(spot, strike, years, rate, dividendYield, volatility);
        double sqrtT = Math.sqrt(years);
        double stdev = volatility * sqrtT;
        if (years == 0 || stdev < TINY_STDEV) {
            return new CallPut(value(OptionRight.CALL, spot, strike, years, rate, dividendYield, volatility),
                    value(OptionRight.PUT, spot, strike, years, rate, dividendYield, volatility));
        }
        double dq = Math.exp(-dividendYield * years);
        double dr = Math.exp(-rate * years);
        double sq = spot * dq;
        double kr = strike * dr;
        double d1 = (Math.log(spot / strike) + (rate - dividendYield) * years) / stdev + 0.5 * stdev;
        double d2 = d1 - stdev;
        double nd1 = StandardNormal.pdf(d1);
        double decay = -sq * nd1 * volatility / (2 * sqrtT);
        double gamma = dq * nd1 / (spot * stdev);
        double vega = sq * nd1 * sqrtT;
        double cd1 = StandardNormal.cdf(d1);
        double cd2 = StandardNormal.cdf(d2);
        double pd1 = 1 - cd1;
        double pd2 = 1 - cd2;
        OptionValuation call = new OptionValuation(sq * cd1 - kr * cd2, new Greeks(dq * cd1, gamma,
                decay - rate * kr * cd2 + dividendYield * sq * cd1, vega, strike * years * dr * cd2));
        OptionValuation put = new OptionValuation(kr * pd2 - sq * pd1, new Greeks(-dq * pd1, gamma,
                decay + rate * kr * pd2 - dividendYield * sq * pd1, vega, -strike * years * dr * pd2));
        return new CallPut(call, put);
    }

    /** A call and a put of the same strike and expiry. */
    public record CallPut(OptionValuation call, OptionValuation put) {
        public OptionValuation of(OptionRight right) {
            return right == OptionRight.CALL ? call : put;
        }
    }

    /** The no-arbitrage lower bound of a European option: max(S e^(−qT) − K e^(−rT), 0) for a call, the mirror for a put. */
    public static double lowerBound(OptionRight right, double spot, double strike, double years, double rate, double dividendYield) {
        return right.intrinsic(spot * Math.exp(-dividendYield * years), strike * Math.exp(-rate * years));
    }

    /** The no-arbitrage upper bound of a European option: S e^(−qT) for a call, K e^(−rT) for a put. */
    public static double upperBound(OptionRight right, double spot, double strike, double years, double rate, double dividendYield) {
        return right == OptionRight.CALL ? spot * Math.exp(-dividendYield * years) : strike * Math.exp(-rate * years);
    }

    static void check(double spot, double strike, double years, double rate, double dividendYield, double volatility) {
        if (!(spot > 0) || !(strike > 0) || !(years >= 0) || !(volatility >= 0) || !Double.isFinite(spot + strike + years
                + rate + dividendYield + volatility)) {
            throw new IllegalArgumentException("option pricing inputs out of range: spot " + spot + ", strike " + strike
                    + ", years " + years + ", rate " + rate + ", dividend yield " + dividendYield + ", volatility " + volatility
                    + " (spot and strike must be positive, years and volatility at least 0, all finite)");
        }
    }
}
