package org.leverdesk.research.montecarlo;

import java.util.Arrays;
import org.leverdesk.research.stats.Percentiles;

/** The 5th, 50th and 95th percentiles of a distribution (interpolated, see {@link Percentiles}). */
public record Quantiles(double p5, double p50, double p95) {

    /** The quantiles of {@code values}, which are sorted in place. */
    static Quantiles ofInPlace(double[] values) {
        Arrays.sort(values);
        return new Quantiles(Percentiles.ofSorted(values, 0.05), Percentiles.ofSorted(values, 0.5),
                Percentiles.ofSorted(values, 0.95));
    }
}
