package org.leverdesk.optionbook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.pricing.BlackScholes;

/**
 * The profit of a set of option legs against the underlying's price, in dollars: at expiry (each leg's
 * intrinsic value less its average price, × contracts × multiplier) and today (Black-Scholes-Merton with
 * each leg's current implied volatility, the chain's rate and dividend yield, the legs' time to expiry).
 *
 * <p>At expiry the profit is piecewise linear with kinks only at the strikes, so its extremes lie at a
 * strike, at zero or at infinity (where the slope is the net number of call shares): the maximum profit,
 * maximum loss and break-evens are read off those points exactly, no sampling.
 */
public record Payoff(List<OptionLeg> legs) {
    public Payoff {
        legs = List.copyOf(legs);
    }

    /**
     * @param maxProfit  the largest profit at expiry; +∞ when unbounded (net long calls)
     * @param maxLoss    the largest loss at expiry as a positive number; +∞ when unbounded (net short calls)
     * @param breakEvens the underlying prices where the profit at expiry is zero, ascending
     */
    public record Summary(double maxProfit, double maxLoss, List<Double> breakEvens) {
    }

    /** Profit in dollars at expiry with the underlying at {@code spot}. */
    public double atExpiry(double spot) {
        double sum = 0;
        for (OptionLeg l : legs) {
            sum += l.profitAtExpiry(spot);
        }
        return sum;
    }

    /**
     * Profit in dollars on {@code asOf} with the underlying at {@code spot}: each leg at its Black-Scholes-Merton
     * value with volatility {@code vol} (per leg), rate and dividend yield continuous; an expired leg at intrinsic.
     */
    public double today(double spot, LocalDate asOf, double rate, double dividendYield, ToDoubleFunction<OptionLeg> vol) {
        double sum = 0;
        for (OptionLeg l : legs) {
            OptionContract c = l.contract();
            double years = c.isExpiredOn(asOf) ? 0 : c.yearsToExpiry(asOf);
            double value = BlackScholes.price(c.right(), spot, c.strikeValue(), years, rate, dividendYield,
                    Math.max(1e-4, vol.applyAsDouble(l)));
            sum += l.contracts() * l.multiplier() * (value - l.averagePrice());
        }
        return sum;
    }

    /** Net call shares: the slope of the expiry profit once the underlying is above every strike. */
    private double upperSlope() {
        double slope = 0;
        for (OptionLeg l : legs) {
            if (l.contract().isCall()) {
                slope += l.contracts() * l.multiplier();
            }
        }
        return slope;
    }

    /** Maximum profit, maximum loss and break-evens at expiry. */
    public Summary summary() {
        TreeSet<Double> knots = new TreeSet<>();
        knots.add(0.0);
        for (OptionLeg l : legs) {
            knots.add(l.contract().strikeValue());
        }
        List<Double> xs = new ArrayList<>(knots);
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        List<Double> zeros = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            double x = xs.get(i);
            double y = clean(atExpiry(x));
            max = Math.max(max, y);
            min = Math.min(min, y);
            if (y == 0 && i > 0 && !(i + 1 < xs.size() && clean(atExpiry(xs.get(i + 1))) == 0)
                    && clean(atExpiry(xs.get(i - 1))) != 0) {
                zeros.add(x);
            }
            if (i + 1 < xs.size()) {
                double x2 = xs.get(i + 1);
                double y2 = clean(atExpiry(x2));
                if (y * y2 < 0) {
                    zeros.add(x + (x2 - x) * (-y) / (y2 - y));
                }
            }
        }
        double last = xs.get(xs.size() - 1);
        double yLast = clean(atExpiry(last));
        double slope = upperSlope();
        if (slope > 1e-9) {
            max = Double.POSITIVE_INFINITY;
            if (yLast < 0) {
                zeros.add(last - yLast / slope);
            }
        } else if (slope < -1e-9) {
            min = Double.NEGATIVE_INFINITY;
            if (yLast > 0) {
                zeros.add(last - yLast / slope);
            }
        }
        return new Summary(max, -min, zeros.stream().sorted().toList());
    }

    /** Cents of floating-point noise are not a profit: rounds to 1e-6 dollars. */
    private static double clean(double v) {
        double r = Math.rint(v * 1e6) / 1e6;
        return r == 0 ? 0 : r;
    }
}
