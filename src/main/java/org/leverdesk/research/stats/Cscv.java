package org.leverdesk.research.stats;

/**
 * The probability of backtest overfitting by combinatorially symmetric cross-validation (Bailey,
 * Borwein, López de Prado and Zhu, "The Probability of Backtest Overfitting", 2017).
 *
 * <p>The T × N matrix of per-period returns (N trials) is cut into S contiguous blocks of equal length
 * (the oldest T mod S rows are dropped). For each of the C(S, S/2) ways to pick S/2 blocks as the
 * in-sample set J (the other blocks are the out-of-sample set J̄), every trial's Sharpe ratio
 * mean / stdev (n − 1) is computed on J and on J̄; n* is the trial with the best in-sample Sharpe
 * ratio (the first one on ties); ω = rank of n* out of sample / (N + 1), with rank 1 the worst and
 * ties sharing their average rank; λ = ln(ω / (1 − ω)). PBO is the share of splits with λ ≤ 0: how
 * often the in-sample winner is at or below the out-of-sample median. A trial with no variation in a
 * set has Sharpe ratio 0 there (±∞ when its constant return is not 0).
 *
 * @param logits            λ of every split, in the order the splits were enumerated
 * @param probabilityOfLoss share of splits where n*'s out-of-sample Sharpe ratio is below 0
 */
public record Cscv(double pbo, int blocks, int rowsUsed, int trials, int splits, double[] logits,
                   double probabilityOfLoss) {
    /** The block count the paper suggests. */
    public static final int DEFAULT_BLOCKS = 16;

    /**
     * PBO of {@code returns[trial][period]} (every trial the same length) cut into {@code blocks} blocks.
     *
     * @throws IllegalArgumentException when blocks is odd or below 2, fewer than 2 trials, or fewer
     *                                  than 2 rows per block
     */
    public static Cscv of(double[][] returns, int blocks) {
        int n = returns.length;
        if (blocks < 2 || blocks % 2 != 0 || blocks > 30) {
            throw new IllegalArgumentException("CSCV needs an even number of blocks from 2 to 30 (got " + blocks + ")");
        }
        if (n < 2) {
            throw new IllegalArgumentException("CSCV needs at least 2 trials (got " + n + ")");
        }
        int t = returns[0].length;
        for (double[] r : returns) {
            if (r.length != t) {
                throw new IllegalArgumentException("CSCV needs every trial over the same periods");
            }
        }
        int rows = t / blocks;
        if (rows < 2) {
            throw new IllegalArgumentException("CSCV with " + blocks + " blocks needs at least " + 2 * blocks
                    + " periods (got " + t + ")");
        }
        int skip = t - rows * blocks;
        double[][] sum = new double[n][blocks];
        double[][] sumSq = new double[n][blocks];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < blocks; b++) {
                for (int k = 0; k < rows; k++) {
                    double v = returns[i][skip + b * rows + k];
                    sum[i][b] += v;
                    sumSq[i][b] += v * v;
                }
            }
        }
        int half = blocks / 2;
        int all = (1 << blocks) - 1;
        int splits = (int) binomial(blocks, half);
        double[] logits = new double[splits];
        double[] in = new double[n];
        double[] out = new double[n];
        int s = 0;
        int overfit = 0;
        int losses = 0;
        for (int mask = 0; mask <= all; mask++) {
            if (Integer.bitCount(mask) != half) {
                continue;
            }
            int best = 0;
            for (int i = 0; i < n; i++) {
                in[i] = sharpe(sum[i], sumSq[i], mask, rows * half);
                out[i] = sharpe(sum[i], sumSq[i], all & ~mask, rows * half);
                if (in[i] > in[best]) {
                    best = i;
                }
            }
            double omega = averageRank(out, out[best]) / (n + 1.0);
            double lambda = Math.log(omega / (1 - omega));
            logits[s++] = lambda;
            if (lambda <= 0) {
                overfit++;
            }
            if (out[best] < 0) {
                losses++;
            }
        }
        return new Cscv((double) overfit / splits, blocks, rows * blocks, n, splits, logits, (double) losses / splits);
    }

    /** The Sharpe ratio of the rows in the blocks of {@code mask}. */
    private static double sharpe(double[] sum, double[] sumSq, int mask, int count) {
        double s = 0;
        double q = 0;
        for (int b = 0; b < sum.length; b++) {
            if ((mask & (1 << b)) != 0) {
                s += sum[b];
                q += sumSq[b];
            }
        }
        double mean = s / count;
        double variance = (q - s * s / count) / (count - 1);
        // Rounding can leave a tiny positive variance for constant rows; treat it as none.
        if (!(variance > 1e-30 * Math.max(1, mean * mean))) {
            return mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean);
        }
        return mean / Math.sqrt(variance);
    }

    /** 1-based rank of {@code value} among {@code values} (1 = lowest), ties sharing their average rank. */
    static double averageRank(double[] values, double value) {
        int below = 0;
        int equal = 0;
        for (double v : values) {
            if (v < value) {
                below++;
            } else if (v == value) {
                equal++;
            }
        }
        return below + (equal + 1) / 2.0;
    }

    static long binomial(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }
}
