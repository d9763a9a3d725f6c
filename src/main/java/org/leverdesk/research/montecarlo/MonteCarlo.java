package org.leverdesk.research.montecarlo;

import java.util.SplittableRandom;

/**
 * Bootstrap of a run's trades: each path draws n trade returns with replacement from the run's n
 * (seeded, so the same seed gives the same paths) and compounds them from the capital,
 * E_k = E_{k−1}·(1 + r_k). Drawdown after trade k is E_k / max(E_0..E_k) − 1; a path's maximum drawdown
 * is the lowest of those (moves inside a trade are not seen, so it understates the daily drawdown);
 * its CAGR is (E_n / capital)^(1 / years) − 1. Percentiles interpolate between ranks.
 */
public final class MonteCarlo {
    private MonteCarlo() {
    }

    public static MonteCarloResult run(MonteCarloRequest q) {
        double[] r = q.tradeReturns();
        int n = r.length;
        int runs = q.runs();
        double[][] equity = new double[n + 1][runs];
        double[][] drawdown = new double[n + 1][runs];
        double[] finals = new double[runs];
        double[] maxDd = new double[runs];
        double[] cagr = new double[runs];
        SplittableRandom random = new SplittableRandom(q.seed());
        int worse = 0;
        for (int p = 0; p < runs; p++) {
            double e = q.capital();
            double peak = e;
            double worst = 0;
            equity[0][p] = e;
            for (int k = 1; k <= n; k++) {
                e *= 1 + r[random.nextInt(n)];
                peak = Math.max(peak, e);
                double dd = e / peak - 1;
                worst = Math.min(worst, dd);
                equity[k][p] = e;
                drawdown[k][p] = dd;
            }
            finals[p] = e;
            maxDd[p] = worst;
            cagr[p] = q.years() > 0 ? Math.pow(e / q.capital(), 1 / q.years()) - 1 : Double.NaN;
            if (worst < -q.drawdownThreshold()) {
                worse++;
            }
        }
        return new MonteCarloResult(q, band(equity), band(drawdown), Quantiles.ofInPlace(finals), Quantiles.ofInPlace(maxDd),
                Quantiles.ofInPlace(cagr), (double) worse / runs, observed(r, q.capital()));
    }

    private static Band band(double[][] steps) {
        double[] p5 = new double[steps.length];
        double[] p50 = new double[steps.length];
        double[] p95 = new double[steps.length];
        for (int k = 0; k < steps.length; k++) {
            Quantiles q = Quantiles.ofInPlace(steps[k]);
            p5[k] = q.p5();
            p50[k] = q.p50();
            p95[k] = q.p95();
        }
        return new Band(p5, p50, p95);
    }

    private static double[] observed(double[] r, double capital) {
        double[] e = new double[r.length + 1];
        e[0] = capital;
        for (int k = 0; k < r.length; k++) {
            e[k + 1] = e[k] * (1 + r[k]);
        }
        return e;
    }
}
