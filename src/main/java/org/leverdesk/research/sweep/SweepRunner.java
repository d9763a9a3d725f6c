package org.leverdesk.research.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.research.BacktestFunction;
import org.leverdesk.research.OutOfMemory;
import org.leverdesk.research.ParallelRuns;
import org.leverdesk.research.ParameterCheck;
import org.leverdesk.research.Trial;

/**
 * Runs a sweep: checks every parameter set with the strategy's own validation (invalid ones are
 * skipped with their reason; when all are invalid the first reason is the error), runs the rest in
 * parallel through the {@link BacktestFunction}, and adds the overfitting statistics.
 */
public final class SweepRunner {
    private final BacktestFunction backtests;
    private final ParameterCheck check;
    private final int threads;

    /** Runs as many trials at once as the backtest function suggests. */
    public SweepRunner(BacktestFunction backtests, ParameterCheck check) {
        this(backtests, check, backtests.parallelism());
    }

    public SweepRunner(BacktestFunction backtests, ParameterCheck check, int threads) {
        this.backtests = backtests;
        this.check = check == null ? ParameterCheck.NONE : check;
        this.threads = threads;
    }

    /**
     * Runs {@code request}.
     *
     * @throws IllegalArgumentException when no parameter set is valid (one line)
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public SweepResult run(SweepRequest request, ProgressListener progress, CancellationToken cancel) {
        long start = System.nanoTime();
        List<Map<String, String>> valid = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Map<String, String> point : request.space().points()) {
            try {
                check.check(request.base().strategyId(), request.base().parameters(point));
                valid.add(point);
            } catch (IllegalArgumentException e) {
                skipped.add(new Skipped(point, e.getMessage()));
            }
        }
        if (valid.isEmpty()) {
            throw new IllegalArgumentException(skipped.isEmpty() ? "the sweep has no parameter sets"
                    : "no parameter set of the sweep is valid: " + skipped.get(0).reason());
        }
        BacktestFunction.Prepared prepared = backtests.prepare(request.base(), request.from(), request.to());
        List<Callable<Trial>> jobs = valid.stream().<Callable<Trial>>map(p -> () -> prepared.run(p, cancel)).toList();
        List<ParallelRuns.Outcome<Trial>> outcomes = new ParallelRuns(threads).run(jobs, "runs", progress, cancel);
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            ParallelRuns.Outcome<Trial> o = outcomes.get(i);
            if (o.ok()) {
                trials.add(o.value());
            } else {
                skipped.add(new Skipped(valid.get(i), o.error()));
            }
        }
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("no run of the sweep finished: " + skipped.get(0).reason());
        }
        String source = trials.get(0).dataSource();
        Overfitting overfitting;
        try {
            overfitting = Overfitting.of(trials, request.metric());
        } catch (OutOfMemoryError e) {
            int n = trials.size();
            trials.clear(); // the runs' daily equity, so the error has room
            throw OutOfMemory.of(String.format(java.util.Locale.ROOT, "computing the overfitting statistics of %,d runs", n), e);
        }
        return new SweepResult(request, trials, skipped, source, Duration.ofNanos(System.nanoTime() - start), overfitting);
    }
}
