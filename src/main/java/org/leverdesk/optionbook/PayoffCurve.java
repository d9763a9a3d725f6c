package org.leverdesk.optionbook;

import java.util.List;
import org.leverdesk.options.chain.OptionChain;

/**
 * A grouped position's payoff diagram: profit in dollars at expiry and today against the underlying's price,
 * over a range around the strikes and the current price.
 *
 * @param prices   the underlying prices, ascending
 * @param atExpiry profit at expiry at each price
 * @param today    profit today at each price (Black-Scholes-Merton, each leg's current implied volatility)
 * @param spot     the underlying's current price
 */
public record PayoffCurve(double[] prices, double[] atExpiry, double[] today, double spot, List<Double> breakEvens) {
    /** Points on the price axis. */
    public static final int POINTS = 161;

    /**
     * The curve of {@code group} with today's values from {@code chain}'s date, rate, dividend yield and spot; a leg
     * without a quote is valued with the chain's 30-day at-the-money volatility.
     */
    public static PayoffCurve of(OptionGroup group, OptionChain chain) {
        double lo = chain.spot();
        double hi = chain.spot();
        for (HeldOption h : group.legs()) {
            lo = Math.min(lo, h.contract().strikeValue());
            hi = Math.max(hi, h.contract().strikeValue());
        }
        double pad = Math.max((hi - lo) * 0.6, chain.spot() * 0.03);
        lo = Math.max(0.01, lo - pad);
        hi = hi + pad;
        double[] x = new double[POINTS];
        double[] expiry = new double[POINTS];
        double[] today = new double[POINTS];
        java.util.Map<OptionLeg, Double> vols = new java.util.HashMap<>();
        for (HeldOption h : group.legs()) {
            vols.put(h.leg(), Double.isFinite(h.impliedVolatility()) ? h.impliedVolatility() : chain.inputs().atm30());
        }
        for (int i = 0; i < POINTS; i++) {
            x[i] = lo + (hi - lo) * i / (POINTS - 1);
            expiry[i] = group.payoff().atExpiry(x[i]);
            today[i] = group.payoff().today(x[i], chain.asOf(), chain.rate(), chain.dividendYield(), vols::get);
        }
        return new PayoffCurve(x, expiry, today, chain.spot(), group.summary().breakEvens());
    }
}
