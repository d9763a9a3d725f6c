package org.leverdesk.bench;

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
import org.leverdesk.strategy.regime.RegimeConfig;
import org.leverdesk.strategy.regime.RegimeRules;
import org.leverdesk.strategy.regime.RegimeSeries;
import org.leverdesk.strategy.regime.SignalCalculator;
import org.leverdesk.strategy.regime.SignalSettings;
import org.leverdesk.strategy.regime.RegimeStrategy;
import org.leverdesk.testing.SharedPrices;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A full regime backtest over all TQQQ history that has QQQ beside it (2010-02-11 .. 2025-09-26,
 * 3,930 trading days) with a fresh strategy each time, so the regime series is recomputed too.
 * <p>
 * Figures (JDK 25, 2 shared cores, {@code -f 1 -wi 6 -i 8 -prof gc}), before → after the change that
 * lets a run without recorded decisions skip the explanation ({@code DecisionContext.explain}):
 * <ul>
 * <li>{@link #fullBacktest} (no decisions kept): 13.5 ms, 44.0 MB → <b>1.75 ± 0.20 ms, 4.1 MB</b> per run.
 *     The 16 gates' inputs and reason text (some 40 formatted numbers a day) were ~90% of the time and
 *     allocation; the gates' pass/fail bits now come from the same predicates without text, and
 *     {@code TradingCalendar.sessionClose} replaced two zoned instants a day.</li>
 * <li>{@link #fullBacktestRecordingDecisions} (every day's full explanation, as saved runs and live
 *     runs need): 13.2 ms, 44.1 MB → 13.0 ms, 43.3 MB: the text is the product here.</li>
 * <li>{@link #regimeAndSignalsOnly}: 0.9–1.3 ms, 1.07 MB (unchanged code; the spread is machine noise).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RegimeBacktestBench {
    private static final LocalDate LAST_QQQ_DAY = LocalDate.parse("2025-09-26");
    private Map<String, BarSeries> data;
    private BacktestEngine engine;
    private BacktestConfig recorded;
    private BacktestConfig unrecorded;

    @Setup(Level.Trial)
    public void load() {
        BarSeries tqqq = SharedPrices.load("TQQQ");
        data = Map.of("QQQ", SharedPrices.load("QQQ"), "TQQQ", tqqq.between(tqqq.firstDate(), LAST_QQQ_DAY));
        engine = new BacktestEngine(new NyseCalendar(), new MetricsCalculator());
        recorded = new BacktestConfig(tqqq.firstDate(), LAST_QQQ_DAY, 10_000, CostModel.FREE, false, "TQQQ", true);
        unrecorded = new BacktestConfig(tqqq.firstDate(), LAST_QQQ_DAY, 10_000, CostModel.FREE, false, null, false);
    }

    /** As BacktestService runs it: decisions kept, TQQQ buy-and-hold benchmark. */
    @Benchmark
    public BacktestResult fullBacktestRecordingDecisions() {
        return engine.run(new RegimeStrategy(RegimeConfig.defaults()), data, "TQQQ", recorded, "bench",
                ProgressListener.NONE, CancellationToken.NONE);
    }

    /** The pure core alone: SMAs and regimes of all QQQ history plus every day's signals, without the engine or text. */
    @Benchmark
    public double regimeAndSignalsOnly() {
        RegimeSeries s = RegimeSeries.of(data.get("QQQ"), RegimeRules.defaults());
        SignalCalculator calc = new SignalCalculator(SignalSettings.defaults());
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            sum += calc.compute(s, i).momentumScale();
        }
        return sum;
    }

    /** Without the decision list and benchmark, as a parameter sweep would run it. */
    @Benchmark
    public BacktestResult fullBacktest() {
        return engine.run(new RegimeStrategy(RegimeConfig.defaults()), data, "TQQQ", unrecorded, "bench",
                ProgressListener.NONE, CancellationToken.NONE);
    }
}
