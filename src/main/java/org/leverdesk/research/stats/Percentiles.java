package org.leverdesk.research.stats;

import java.util.Arrays;

/**
 * Percentiles by linear interpolation between closest ranks (Hyndman and Fan's type 7, the default
 * of R and numpy): for sorted x of length n and p in [0, 1], h = (n − 1)·p, the value is
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 */
public final class Percentiles {
    private Percentiles() {
    }

    /** The {@code p}-quantile (0..1) of {@code values} (not modified). */
    public static double of(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, p);
    }

    /** The {@code p}-quantile of already sorted values; NaN for none. */
    public static double ofSorted(double[] sorted, double p) {
        if (p < 0 || p > 1 || Double.isNaN(p)) {
            throw new IllegalArgumentException("a percentile needs p in [0, 1] (got " + p + ")");
        }
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
