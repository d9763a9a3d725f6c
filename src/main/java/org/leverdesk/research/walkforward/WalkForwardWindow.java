package org.leverdesk.research.walkforward;

import org.leverdesk.research.CurveStats;
import org.leverdesk.research.Trial;
import org.leverdesk.research.sweep.Overfitting;

/**
 * One finished window: its dates, the in-sample winner (with the statistics of that optimisation),
 * how many parameter sets ran in sample, and the winner's run on the out-of-sample part.
 *
 * @param efficiency this window's out-of-sample CAGR / in-sample CAGR (NaN when the latter is not positive)
 */
public record WalkForwardWindow(int number, WindowPlan plan, Trial inSampleBest, int inSampleTrials,
                                Overfitting inSampleOverfitting, Trial outOfSample, double efficiency) {

    /** The in-sample winner's CAGR as the engine computed it. */
    public double inSampleCagr() {
        return inSampleBest.metrics().cagr();
    }

    /** The out-of-sample run's CAGR. */
    public double outOfSampleCagr() {
        return outOfSample.metrics().cagr();
    }

    /** The out-of-sample run's headline figures from its equity. */
    public CurveStats outOfSampleStats() {
        return CurveStats.of(outOfSample.dates(), outOfSample.equity());
    }
}
