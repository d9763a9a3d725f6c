package org.leverdesk.strategy.rotation;

import org.leverdesk.domain.History;

/**
 * The trailing Sharpe ratio the sleeves rank by: over the last {@code days} daily simple returns of
 * the adjusted close, r_k = adj_k / adj_(k-1) − 1, Sharpe = (mean(r) − rf/252) / stdev(r) × √252,
 * with the sample standard deviation (n − 1) and rf the annual risk-free rate (0 by default).
 * It needs {@code days + 1} bars; NaN when there are fewer or the prices did not move.
 */
public final class Sharpe {
    private Sharpe() {
    }

    /** The Sharpe ratio of {@code h}'s {@code days} returns ending at bar {@code last}. */
    public static double of(History h, int last, int days, double riskFree) {
        if (last < days) {
            return Double.NaN;
        }
        double sum = 0;
        double[] r = new double[days];
        for (int k = 0; k < days; k++) {
            int i = last - days + 1 + k;
            r[k] = h.adjClose(i) / h.adjClose(i - 1) - 1;
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
