package org.leverdesk.research.walkforward;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.research.BacktestFunction;
import org.leverdesk.research.CurveStats;
import org.leverdesk.research.ParameterCheck;
import org.leverdesk.research.Trial;
import org.leverdesk.research.sweep.SweepRequest;
import org.leverdesk.research.sweep.SweepResult;
import org.leverdesk.research.sweep.SweepRunner;

/** Runs a walk-forward: a sweep per in-sample part, the winner on the out-of-sample part, the results stitched. */
public final class WalkForward {
    private final BacktestFunction backtests;
    private final SweepRunner sweeps;

    public WalkForward(BacktestFunction backtests, ParameterCheck check) {
        this.backtests = backtests;
        this.sweeps = new SweepRunner(backtests, check);
    }

    /**
     * Runs {@code request}.
     *
     * @throws IllegalArgumentException when a window has no valid run (one line)
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public WalkForwardResult run(WalkForwardRequest request, ProgressListener progress, CancellationToken cancel) {
        long start = System.nanoTime();
        List<WindowPlan> plans = request.windows();
        List<WalkForwardWindow> windows = new ArrayList<>();
        for (int k = 0; k < plans.size(); k++) {
            WindowPlan plan = plans.get(k);
            int number = k + 1;
            ProgressListener inWindow = (f, m) -> progress.progress((number - 1 + f * 0.98) / plans.size(),
                    "window " + number + " of " + plans.size() + " · " + m);
            SweepResult sweep = sweeps.run(new SweepRequest(request.base(), plan.isFrom(), plan.isTo(), request.space(),
                    request.metric()), inWindow, cancel);
            Trial best = sweep.best();
            cancel.throwIfCancelled();
            Trial oos;
            try {
                oos = backtests.prepare(request.base(), plan.oosFrom(), plan.oosTo()).run(best.parameters(), cancel);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("window " + number + " out of sample (" + plan.oosFrom() + " .. "
                        + plan.oosTo() + "): " + e.getMessage(), e);
            }
            double isCagr = best.metrics().cagr();
            double wfe = isCagr > 0 ? oos.metrics().cagr() / isCagr : Double.NaN;
            windows.add(new WalkForwardWindow(number, plan, best, sweep.trials().size(), sweep.overfitting(), oos, wfe));
            progress.progress((double) number / plans.size(), "window " + number + " of " + plans.size() + " done");
        }
        Stitched s = stitch(windows, request.base().capital());
        CurveStats stats = CurveStats.of(s.dates, s.equity);
        double meanIs = windows.stream().mapToDouble(WalkForwardWindow::inSampleCagr).filter(Double::isFinite).average()
                .orElse(Double.NaN);
        double wfe = meanIs > 0 ? stats.cagr() / meanIs : Double.NaN;
        return new WalkForwardResult(request, windows, s.dates, s.equity, stats, meanIs, wfe,
                windows.get(0).outOfSample().dataSource(), Duration.ofNanos(System.nanoTime() - start));
    }

    private record Stitched(LocalDate[] dates, double[] equity) {
    }

    /** The out-of-sample runs compounded one after the other, starting at {@code capital}. */
    static Stitched stitch(List<WalkForwardWindow> windows, double capital) {
        List<LocalDate> dates = new ArrayList<>();
        List<Double> equity = new ArrayList<>();
        double value = capital;
        for (WalkForwardWindow w : windows) {
            Trial t = w.outOfSample();
            for (int i = 0; i < t.equity().length; i++) {
                // the first close already carries the costs of a first-day entry
                value *= i == 0 ? t.equity()[0] / capital : t.equity()[i] / t.equity()[i - 1];
                dates.add(t.dates()[i]);
                equity.add(value);
            }
        }
        return new Stitched(dates.toArray(LocalDate[]::new), equity.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
