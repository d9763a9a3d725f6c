package org.leverdesk.research.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.leverdesk.research.Metric;
import org.leverdesk.research.Trial;

/**
 * A finished sweep: every trial in the order of the search space, the parameter sets that were
 * skipped, the data source, how long it took, and the overfitting statistics for the request's metric.
 */
public record SweepResult(SweepRequest request, List<Trial> trials, List<Skipped> skipped, String dataSource,
                          Duration elapsed, Overfitting overfitting) {
    public SweepResult {
        trials = List.copyOf(trials);
        skipped = List.copyOf(skipped);
    }

    /** The trials best first by {@code metric} (NaN last); equal values keep the search order. */
    public List<Trial> ranked(Metric metric) {
        List<Trial> out = new ArrayList<>(trials);
        out.sort(metric.bestFirst());
        return out;
    }

    /** The trials ordered by {@code metric}, ascending or descending as asked (NaN always last). */
    public List<Trial> sorted(Metric metric, boolean descending) {
        Comparator<Trial> byValue = Comparator.comparingDouble(metric::of);
        List<Trial> finite = new ArrayList<>(trials.stream().filter(t -> !Double.isNaN(metric.of(t))).toList());
        finite.sort(descending ? byValue.reversed() : byValue);
        finite.addAll(trials.stream().filter(t -> Double.isNaN(metric.of(t))).toList());
        return finite;
    }

    /** The best trial by the request's metric, or null when nothing ran. */
    public Trial best() {
        return trials.isEmpty() ? null : ranked(request.metric()).get(0);
    }
}
