package org.leverdesk.indicator;

import java.util.function.IntToDoubleFunction;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.SeriesIndicator;

/**
 * The trailing Sharpe ratio of the last {@code days} daily simple returns of the adjusted close ending at each
 * bar: r_k = adj_k / adj_(k-1) − 1, Sharpe = (mean(r) − riskFree/252) / stdev(r) × √252, with the sample
 * standard deviation (n − 1) and riskFree the annual rate. NaN for the first {@code days} bars and where the
 * price did not move (stdev ≤ 1e-12). The rotation ranks by it every rebalance day of every sleeve; as an
 * indicator it is computed once per series instead of once per ticker, day and analysis (issue 17: it was
 * most of a rotation backtest's time). Each value is summed afresh over its window, in the same order as a
 * direct computation, so it equals one to the last bit.
 */
public record TrailingSharpe(int days, double riskFree) implements SeriesIndicator {
    public TrailingSharpe {
        if (days < 2) {
            throw new IllegalArgumentException("a Sharpe ratio needs at least 2 returns (got " + days + ")");
        }
        if (!Double.isFinite(riskFree)) {
            throw new IllegalArgumentException("the risk-free rate must be a number (got " + riskFree + ")");
        }
    }

    @Override
    public String key() {
        return "sharpe(" + days + "," + riskFree + ")";
    }

    @Override
    public double[] compute(BarSeries s) {
        double[] out = new double[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = at(s::adjClose, i, days, riskFree);
        }
        return out;
    }

    /** The ratio of the {@code days} returns ending at bar {@code last} of the adjusted closes {@code adj}. */
    public static double at(IntToDoubleFunction adj, int last, int days, double riskFree) {
        if (last < days) {
            return Double.NaN;
        }
        double sum = 0;
        double[] r = new double[days];
        for (int k = 0; k < days; k++) {
            int i = last - days + 1 + k;
            r[k] = adj.applyAsDouble(i) / adj.applyAsDouble(i - 1) - 1;
            sum += r[k];
        }
        double mean = sum / days;
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (days - 1));
        if (!(sd > 1e-12)) {
            return Double.NaN;
        }
        return (mean - riskFree / 252.0) / sd * Math.sqrt(252.0);
    }
}
