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
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.demo.DemoMarketData;
import org.leverdesk.market.demo.DemoMarketGenerator;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.data.OptionMarketFiles;
import org.leverdesk.strategy.options.WheelConfig;
import org.leverdesk.strategy.options.WheelStrategy;
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
 * Issue 15's speed target: a 15-year daily backtest of the wheel on QQQ (2010-09-27..2025-09-26, 3,774 sessions,
 * default parameters) through the one engine, each decision day pricing that day's chain from the synthetic
 * surface (real QQQ, VXN, DGS3MO when ../shared is present, else the demo market), every held option re-marked
 * at each print and settled at its expiry. Target: under 1 s. Run:
 * {@code mvn -Pbench test-compile exec:exec -Dbench.args="WheelBacktestBench"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class WheelBacktestBench {
    private static final LocalDate FROM = LocalDate.of(2010, 9, 27);
    private static final LocalDate TO = LocalDate.of(2025, 9, 26);
    private BacktestEngine engine;
    private Map<String, BarSeries> data;
    private BacktestConfig config;

    @Setup
    public void load() {
        NyseCalendar calendar = new NyseCalendar();
        Path prices = BenchData.prices();
        MarketData market;
        SyntheticChains chains;
        if (Files.isRegularFile(prices.resolve("QQQ.csv"))) {
            market = new CsvDirectoryMarketData(prices, new CsvBarReader(calendar));
            chains = OptionMarketFiles.realMarket(OptionMarketFiles.besidePrices(prices), market, calendar);
        } else {
            market = new DemoMarketData(new DemoMarketGenerator(calendar, DemoMarketGenerator.DEFAULT_SEED), TO);
            chains = OptionMarketFiles.demoMarket(market, calendar);
        }
        engine = new BacktestEngine(calendar, new MetricsCalculator(0), chains);
        data = Map.of("QQQ", market.barsUpTo("QQQ", TO));
        config = new BacktestConfig(FROM, TO, 100_000, CostModel.FREE, false, null, false);
        BacktestResult r = wheel();
        System.out.println("wheel QQQ " + FROM + ".." + TO + ": " + r.equity().size() + " sessions, " + r.fills().size()
                + " fills, final $" + Math.round(r.metrics().finalEquity()));
    }

    @Benchmark
    public BacktestResult wheel() {
        WheelStrategy wheel = new WheelStrategy(WheelConfig.parse("QQQ", Map.of(), WheelConfig.Mode.WHEEL));
        return engine.run(wheel, data, "QQQ", config, "bench", ProgressListener.NONE, CancellationToken.NONE);
    }
}
