package org.leverdesk.research.sweep;

import java.util.List;
import org.leverdesk.research.Metric;
import org.leverdesk.research.Trial;
import org.leverdesk.research.stats.Cscv;
import org.leverdesk.research.stats.DeflatedSharpe;
import org.leverdesk.research.stats.Moments;

/**
 * The overfitting statistics shown beside every optimisation: the deflated Sharpe ratio of the best
 * trial (by the optimised metric) given all N trials, and the probability of backtest overfitting of
 * the selection by CSCV over the trials' daily returns.
 *
 * <p>Per-period Sharpe ratios are the engine's annualised Sharpe ratio / sqrt(252) (so --risk-free is
 * respected); a trial whose equity never moved counts as Sharpe 0. Skewness and kurtosis come from
 * the best trial's daily returns; T is their count.
 *
 * @param pbo  null when there are fewer than 2 trials or too few days for 4 blocks of 4 days
 * @param note why a statistic is missing, or "" when both are there
 */
public record Overfitting(Trial best, DeflatedSharpe deflatedSharpe, Cscv pbo, String note) {
    static final double DAYS_PER_YEAR = 252;

    /** The statistics of {@code trials} optimised for {@code metric}; null when there is no trial. */
    public static Overfitting of(List<Trial> trials, Metric metric) {
        if (trials.isEmpty()) {
            return null;
        }
        Trial best = trials.stream().min(metric.bestFirst()).orElseThrow();
        double[] sr = new double[trials.size()];
        for (int i = 0; i < sr.length; i++) {
            sr[i] = perPeriodSharpe(trials.get(i));
        }
        double variance = trials.size() > 1 ? Math.pow(Moments.of(sr).stdev(), 2) : 0;
        double[] returns = best.dailyReturns();
        Moments m = Moments.of(returns);
        DeflatedSharpe dsr = DeflatedSharpe.of(perPeriodSharpe(best), trials.size(), returns.length, variance,
                m.skewness(), m.kurtosis());
        String note = "";
        Cscv pbo = null;
        int blocks = blocks(returns.length);
        if (trials.size() < 2) {
            note = "PBO needs at least 2 trials";
        } else if (blocks < 4) {
            note = "PBO needs at least 16 days";
        } else if (trials.stream().anyMatch(t -> t.equity().length != best.equity().length)) {
            note = "PBO needs every trial over the same days";
        } else {
            double[][] matrix = trials.stream().map(Trial::dailyReturns).toArray(double[][]::new);
            pbo = Cscv.of(matrix, blocks);
        }
        return new Overfitting(best, dsr, pbo, note);
    }

    /** The paper's 16 blocks when every block gets at least 4 days; otherwise fewer (an even number). */
    static int blocks(int days) {
        int s = Math.min(Cscv.DEFAULT_BLOCKS, days / 4);
        return s - s % 2;
    }

    /** The engine's annualised Sharpe ratio back to one day; 0 for a trial without variation. */
    static double perPeriodSharpe(Trial t) {
        double s = t.metrics().sharpe();
        return Double.isFinite(s) ? s / Math.sqrt(DAYS_PER_YEAR) : 0;
    }
}
