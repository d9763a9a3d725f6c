package org.leverdesk.research.walkforward;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.leverdesk.research.CurveStats;

/**
 * A finished walk-forward: the windows, the out-of-sample equity stitched into one curve, its
 * headline figures, and the walk-forward efficiency.
 *
 * <p>Stitching: the curve starts at the capital; each day's value is the previous one times
 * (1 + that day's return of the window's out-of-sample run), so every window's run compounds on the
 * equity the previous windows ended with; each run's first close counts from the capital it started
 * with (so the costs of an entry on that day are kept). Every run starts flat, so the move from the
 * last close of one window to the first close of the next is not earned.
 *
 * <p>Walk-forward efficiency (Pardo): WFE = CAGR of the stitched out-of-sample curve / mean over the
 * windows of the in-sample winners' CAGR. NaN when that mean is not positive. About 1 means the
 * optimised parameters kept earning out of sample what they earned in sample; near 0 or negative
 * means the in-sample figures were luck.
 */
public record WalkForwardResult(WalkForwardRequest request, List<WalkForwardWindow> windows, LocalDate[] dates,
                                double[] equity, CurveStats outOfSample, double meanInSampleCagr, double efficiency,
                                String dataSource, Duration elapsed) {
    public WalkForwardResult {
        windows = List.copyOf(windows);
    }
}
