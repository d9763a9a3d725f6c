package org.leverdesk.research.sweep;

import java.time.LocalDate;
import org.leverdesk.research.Metric;
import org.leverdesk.research.RunBase;

/** A sweep: the fixed base, the date range, the parameter sets to try and the metric ranked by. */
public record SweepRequest(RunBase base, LocalDate from, LocalDate to, SearchSpace space, Metric metric) {
    public SweepRequest {
        if (base == null || space == null) {
            throw new IllegalArgumentException("a sweep needs a strategy and parameters to vary");
        }
        if (from == null || to == null || from.isAfter(to)) {
            throw new IllegalArgumentException("a sweep needs --from on or before --to (got " + from + " .. " + to + ")");
        }
        metric = metric == null ? Metric.SHARPE : metric;
    }
}
