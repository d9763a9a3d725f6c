package org.leverdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestEngine;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.demo.DemoMarketData;
import org.leverdesk.market.demo.DemoMarketGenerator;
import org.leverdesk.strategy.rebalance.MonthlyRebalanceConfig;
import org.leverdesk.strategy.rebalance.MonthlyRebalanceStrategy;
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
 * One full monthly-rebalance backtest over all TQQQ history (4,080 days of the real file when
 * ../shared is present, else the demo market's TQQQ): metrics and round trips included, decisions
 * not recorded. Bar-steps per second = days / (time per op). Target: at least 5 million per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MonthlyRebalanceBacktestBench {
    private BacktestEngine engine;
    private MonthlyRebalanceStrategy strategy;
    private Map<String, BarSeries> data;
    private BacktestConfig config;

    @Setup
    public void load() {
        NyseCalendar calendar = new NyseCalendar();
        Path prices = Path.of(System.getProperty("leverdesk.shared.prices", "../shared/data/prices"));
        BarSeries tqqq = Files.isRegularFile(prices.resolve("TQQQ.csv"))
                ? new CsvBarReader(calendar).readSeries(prices.resolve("TQQQ.csv"), "TQQQ")
                : new DemoMarketData(new DemoMarketGenerator(calendar, DemoMarketGenerator.DEFAULT_SEED), LocalDate.of(2026, 5, 1)).bars("TQQQ", LocalDate.of(2010, 2, 11), LocalDate.of(2026, 5, 1));
        System.out.println("TQQQ bars: " + tqqq);
        engine = new BacktestEngine(calendar, new MetricsCalculator());
        strategy = new MonthlyRebalanceStrategy(MonthlyRebalanceConfig.defaults());
        data = Map.of("TQQQ", tqqq);
        config = new BacktestConfig(tqqq.firstDate(), tqqq.lastDate(), 10_000, CostModel.FREE, false, "TQQQ", false);
    }

    @Benchmark
    public BacktestResult fullHistory() {
        return engine.run(strategy, data, "TQQQ", config, "bench", ProgressListener.NONE, CancellationToken.NONE);
    }
}
