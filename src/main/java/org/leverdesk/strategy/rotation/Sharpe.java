package org.leverdesk.strategy.rotation;

import org.leverdesk.domain.History;
import org.leverdesk.indicator.TrailingSharpe;

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
        return TrailingSharpe.at(h::adjClose, last, days, riskFree);
    }
}
