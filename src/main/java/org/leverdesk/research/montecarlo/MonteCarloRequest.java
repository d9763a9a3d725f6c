package org.leverdesk.research.montecarlo;

/**
 * A Monte Carlo resampling of a run's trades.
 *
 * @param tradeReturns      each closed round trip's return on the account (see {@link org.leverdesk.research.TradeReturns})
 * @param capital           the starting equity of every path
 * @param years             the calendar length of the original run in years (for the CAGR of each path)
 * @param runs              how many paths (default {@value #DEFAULT_RUNS})
 * @param seed              the random seed; the same seed gives the same paths
 * @param drawdownThreshold X as a positive fraction: the result says how likely a drawdown worse than −X is
 */
public record MonteCarloRequest(double[] tradeReturns, double capital, double years, int runs, long seed,
                                double drawdownThreshold) {
    public static final int DEFAULT_RUNS = 1_000;
    public static final long DEFAULT_SEED = 1L;
    public static final double DEFAULT_DRAWDOWN = 0.30;
    /** Most path values held at once (runs × (trades + 1)): about 400 MB of doubles. */
    static final long MAX_CELLS = 50_000_000L;

    public MonteCarloRequest {
        tradeReturns = tradeReturns == null ? new double[0] : tradeReturns.clone();
        if (tradeReturns.length == 0) {
            throw new IllegalArgumentException("Monte Carlo needs at least one closed trade; this run has none");
        }
        for (double r : tradeReturns) {
            if (!Double.isFinite(r) || r <= -1) {
                throw new IllegalArgumentException("a trade return of " + r + " cannot be resampled (it must be finite and above -100%)");
            }
        }
        if (runs < 1) {
            throw new IllegalArgumentException("Monte Carlo needs at least 1 run (got " + runs + ")");
        }
        if ((long) runs * (tradeReturns.length + 1) > MAX_CELLS) {
            throw new IllegalArgumentException(runs + " runs of " + tradeReturns.length + " trades are too many to hold; use fewer runs");
        }
        if (!(capital > 0)) {
            throw new IllegalArgumentException("Monte Carlo needs a positive starting capital (got " + capital + ")");
        }
        if (!(drawdownThreshold > 0) || drawdownThreshold >= 1) {
            throw new IllegalArgumentException("the drawdown threshold must be a fraction between 0 and 1, e.g. 0.3 for 30% (got "
                    + drawdownThreshold + ")");
        }
    }

    /** The trades of an engine result, its capital and its calendar length. */
    public static MonteCarloRequest of(org.leverdesk.backtest.BacktestResult result, int runs, long seed, double drawdownThreshold) {
        var eq = result.equity();
        double years = eq.isEmpty() ? 0
                : java.time.temporal.ChronoUnit.DAYS.between(eq.get(0).date(), eq.get(eq.size() - 1).date()) / 365.25;
        return new MonteCarloRequest(org.leverdesk.research.TradeReturns.of(result), result.config().capital(), years, runs, seed,
                drawdownThreshold);
    }

    /** Defaults: 1,000 runs, seed 1, drawdown threshold 30%. */
    public static MonteCarloRequest of(double[] tradeReturns, double capital, double years) {
        return new MonteCarloRequest(tradeReturns, capital, years, DEFAULT_RUNS, DEFAULT_SEED, DEFAULT_DRAWDOWN);
    }
}
