package org.leverdesk.bench;

import java.time.Duration;
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
import org.leverdesk.indicator.Rsi;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.strategy.meanreversion.MeanReversionConfig;
import org.leverdesk.strategy.meanreversion.MeanReversionStrategy;
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
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.NumFactory;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.UnderIndicatorRule;

/**
 * One RSI(2) backtest of TQQQ (all of the real file, 2010–2026: 4,080 bars; entry 30, exit 75, no stop,
 * no hedge), measured in the same run as its anchors:
 * <ul>
 *   <li>{@code leverdesk}: the one engine (strategy → risk gate → planner → SimBroker with dividends,
 *       metrics and round trips), decisions not kept — what a sweep runs per parameter pair;</li>
 *   <li>{@code ta4jDecimal}, {@code ta4jDouble}: ta4j 0.22.2's {@link BarSeriesManager} with an RSI(2) strategy
 *       trading at the close, a fresh indicator each run (DecimalNum, then DoubleNum);</li>
 *   <li>{@code bareLoop}: a primitive loop over the cached RSI array with whole shares and cash (the floor).</li>
 * </ul>
 * Run: {@code mvn -Pbench test-compile exec:exec -Dbench.args="Rsi2BacktestBench -prof gc"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Rsi2BacktestBench {
    private BacktestEngine engine;
    private MeanReversionStrategy strategy;
    private Map<String, BarSeries> data;
    private BacktestConfig config;
    private org.ta4j.core.BarSeries decimalSeries;
    private org.ta4j.core.BarSeries doubleSeries;
    private double[] closes;
    private double[] rsi;

    @Setup
    public void load() {
        NyseCalendar calendar = new NyseCalendar();
        BarSeries tqqq = BenchData.tqqq(calendar);
        engine = new BacktestEngine(calendar, new MetricsCalculator());
        strategy = new MeanReversionStrategy(MeanReversionConfig.parse("TQQQ",
                Map.of("hedge", "false", "stopLossPercent", "0", "entryRsi", "30", "exitRsi", "75")));
        data = Map.of("TQQQ", tqqq);
        config = new BacktestConfig(tqqq.firstDate(), tqqq.lastDate(), 100_000, CostModel.FREE, false, null, false);
        decimalSeries = ta4j(tqqq, DecimalNumFactory.getInstance());
        doubleSeries = ta4j(tqqq, DoubleNumFactory.getInstance());
        closes = tqqq.closes(tqqq.size() - 1);
        rsi = new Rsi(2).compute(tqqq);
        BacktestResult r = leverdesk();
        System.out.println("leverdesk: " + r.metrics().trades() + " fills, final " + r.metrics().finalEquity()
                + "; ta4j: " + ta4jDouble().getPositionCount() + " positions; bare loop final " + bareLoop());
    }

    private static org.ta4j.core.BarSeries ta4j(BarSeries s, NumFactory nums) {
        org.ta4j.core.BarSeries t = new BaseBarSeriesBuilder().withName("TQQQ").withNumFactory(nums).build();
        for (int i = 0; i < s.size(); i++) {
            t.barBuilder().timePeriod(Duration.ofDays(1)).endTime(s.date(i).atTime(16, 0).atZone(NyseCalendar.ZONE).toInstant())
                    .openPrice(s.open(i)).highPrice(s.high(i)).lowPrice(s.low(i)).closePrice(s.close(i)).volume(s.volume(i)).add();
        }
        return t;
    }

    private static TradingRecord runTa4j(org.ta4j.core.BarSeries series) {
        RSIIndicator rsi = new RSIIndicator(new ClosePriceIndicator(series), 2);
        BaseStrategy strategy = new BaseStrategy(new UnderIndicatorRule(rsi, 30.0001), new OverIndicatorRule(rsi, 74.9999));
        return new BarSeriesManager(series, new TradeOnCurrentCloseModel()).run(strategy);
    }

    @Benchmark
    public BacktestResult leverdesk() {
        return engine.run(strategy, data, "TQQQ", config, "bench", ProgressListener.NONE, CancellationToken.NONE);
    }

    @Benchmark
    public TradingRecord ta4jDecimal() {
        return runTa4j(decimalSeries);
    }

    @Benchmark
    public TradingRecord ta4jDouble() {
        return runTa4j(doubleSeries);
    }

    /** The floor: entry at RSI ≤ 30 with 90% of equity in whole shares, exit at RSI ≥ 75, at the close. */
    @Benchmark
    public double bareLoop() {
        double cash = 100_000;
        long shares = 0;
        for (int i = 0; i < closes.length; i++) {
            double r = rsi[i];
            double c = closes[i];
            if (shares > 0 && r >= 75) {
                cash += shares * c;
                shares = 0;
            } else if (shares == 0 && r <= 30) {
                shares = (long) (0.9 * cash / c);
                cash -= shares * c;
            }
        }
        return cash + shares * closes[closes.length - 1];
    }
}
