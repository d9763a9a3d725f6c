package org.leverdesk.bench;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.leverdesk.backtest.BacktestRequest;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.BacktestService;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One backtest of each stock strategy with its default parameters, exactly as {@code leverdesk backtest}
 * runs it (the public {@link BacktestService}: reading the series from the price files' cache, strategy →
 * risk gate → planner → SimBroker, metrics and round trips; decisions not kept), over the real files
 * 2015-01-02..2025-09-26 (rotation needs every sleeve's ticker, so one common range for all). The option
 * strategies have their own benches ({@link WheelBacktestBench}, {@link OptionChainBench}) because their
 * chains are priced from the volatility files. Needs ../shared/data/prices (no demo fallback: the rotation
 * universe is only in the real files). Run:
 * {@code mvn -Pbench test-compile exec:exec -Dbench.args="StrategyBacktestBench"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StrategyBacktestBench {
    static final LocalDate FROM = LocalDate.of(2015, 1, 2);
    static final LocalDate TO = LocalDate.of(2025, 9, 26);

    @Param({"rsi2", "regime", "monthly-rebalance", "rotation"})
    public String strategy;

    private BacktestService engine;
    private BacktestRequest request;

    @Setup
    public void load() {
        engine = realEngine();
        request = new BacktestRequest(strategy, null, FROM, TO, 100_000, CostModel.FREE, null, Map.of());
        BacktestResult first = engine.runWithoutDecisions(request, ProgressListener.NONE, CancellationToken.NONE);
        System.out.printf("%n%s: %d fills, final equity %.2f%n", strategy, first.fills().size(), first.metrics().finalEquity());
    }

    static BacktestService realEngine() {
        NyseCalendar calendar = new NyseCalendar();
        return new BacktestService(new CsvDirectoryMarketData(BenchData.prices(), new CsvBarReader(calendar)), calendar,
                StrategyCatalog.builtIn(), new MetricsCalculator());
    }

    @Benchmark
    public BacktestResult backtest() {
        return engine.runWithoutDecisions(request, ProgressListener.NONE, CancellationToken.NONE);
    }
}
