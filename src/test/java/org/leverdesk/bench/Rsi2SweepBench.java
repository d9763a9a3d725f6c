package org.leverdesk.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.research.Metric;
import org.leverdesk.research.ParameterCheck;
import org.leverdesk.research.RunBase;
import org.leverdesk.research.RunnerBacktestFunction;
import org.leverdesk.research.sweep.ParameterAxis;
import org.leverdesk.research.sweep.SearchSpace;
import org.leverdesk.research.sweep.SweepRequest;
import org.leverdesk.research.sweep.SweepResult;
import org.leverdesk.research.sweep.SweepRunner;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 17's sweep target: the 1,681 RSI(2) pairs (entry 5..45 × exit 55..95) on TQQQ 2010-02-11..2026-05-01,
 * $10,000, no costs, the other parameters at their defaults (SQQQ hedge, 5% stop) — exactly what
 * {@code leverdesk sweep --strategy rsi2 -P entryRsi=5..45:1 -P exitRsi=55..95:1 --threads 2} runs: every pair
 * one full backtest through the one engine on 2 threads, then the overfitting statistics. Target ≤ 100 ms.
 * Single shot per iteration (one whole sweep). Run:
 * {@code mvn -Pbench test-compile exec:exec -Dbench.args="Rsi2SweepBench"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class Rsi2SweepBench {
    private SweepRunner runner;
    private SweepRequest request;

    @Setup
    public void load() {
        runner = new SweepRunner(new RunnerBacktestFunction(StrategyBacktestBench.realEngine(), 2),
                ParameterCheck.of(StrategyCatalog.builtIn()), 2);
        request = new SweepRequest(new RunBase("rsi2", "TQQQ", 10_000, CostModel.FREE, null, Map.of()),
                LocalDate.of(2010, 2, 11), LocalDate.of(2026, 5, 1),
                SearchSpace.grid(List.of(ParameterAxis.of("entryRsi", "5..45:1"), ParameterAxis.of("exitRsi", "55..95:1"))),
                Metric.SHARPE);
    }

    @Benchmark
    public SweepResult sweep() {
        return runner.run(request, ProgressListener.NONE, CancellationToken.NONE);
    }
}
