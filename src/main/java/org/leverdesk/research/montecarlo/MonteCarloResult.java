package org.leverdesk.research.montecarlo;

/**
 * The distribution of resampled paths: bands of equity and drawdown after each trade, the quantiles of
 * final equity, maximum drawdown and CAGR, and the probability of a drawdown worse than the threshold.
 *
 * @param observedEquity the run's own trades in their real order, compounded the same way
 * @param probabilityDrawdownWorse share of paths whose maximum drawdown is below −threshold
 */
public record MonteCarloResult(MonteCarloRequest request, Band equity, Band drawdown, Quantiles finalEquity,
                               Quantiles maxDrawdown, Quantiles cagr, double probabilityDrawdownWorse,
                               double[] observedEquity) {

    public int trades() {
        return request.tradeReturns().length;
    }
}
