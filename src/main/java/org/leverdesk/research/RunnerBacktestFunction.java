package org.leverdesk.research;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.BacktestRunner;
import org.leverdesk.backtest.EquityPoint;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;

/**
 * {@link BacktestFunction} over the engine's public {@link BacktestRunner}: every trial is one full
 * backtest, exactly what the Backtest view and {@code leverdesk backtest} would show for the same
 * parameters (run without keeping the daily decisions, which research never reads). Runs in parallel as the runner is thread-safe (each run builds its own strategy).
 */
public final class RunnerBacktestFunction implements BacktestFunction {
    private final BacktestRunner runner;
    private final int parallelism;

    /** Runs on all available cores. */
    public RunnerBacktestFunction(BacktestRunner runner) {
        this(runner, Runtime.getRuntime().availableProcessors());
    }

    public RunnerBacktestFunction(BacktestRunner runner, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1 (got " + parallelism + ")");
        }
        this.runner = runner;
        this.parallelism = parallelism;
    }

    @Override
    public Prepared prepare(RunBase base, LocalDate from, LocalDate to) {
        if (from == null || to == null || from.isAfter(to)) {
            throw new IllegalArgumentException("a research run needs --from on or before --to (got " + from + " .. " + to + ")");
        }
        // the runs of one job trade the same days: one dates array for all of them (16 KB a run over 16 years)
        AtomicReference<LocalDate[]> days = new AtomicReference<>();
        return (varied, cancel) -> sharingDates(trial(runner.runWithoutDecisions(base.request(varied, from, to),
                ProgressListener.NONE, cancel), varied), days);
    }

    /** The trial with {@code days}' array when its dates are the same, else with its own (which becomes {@code days}). */
    static Trial sharingDates(Trial t, AtomicReference<LocalDate[]> days) {
        LocalDate[] known = days.get();
        if (known != null && known != t.dates() && Arrays.equals(known, t.dates())) {
            return new Trial(t.parameters(), t.metrics(), known, t.equity(), t.tradeReturns(), t.dataSource());
        }
        days.set(t.dates());
        return t;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    /** The trial of an engine result, keeping only what research reads. */
    public static Trial trial(BacktestResult r, Map<String, String> varied) {
        List<EquityPoint> eq = r.equity();
        LocalDate[] dates = new LocalDate[eq.size()];
        double[] equity = new double[eq.size()];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = eq.get(i).date();
            equity[i] = eq.get(i).equity();
        }
        return new Trial(varied, r.metrics(), dates, equity, TradeReturns.of(r.roundTrips(), dates, equity), r.dataSource());
    }
}
