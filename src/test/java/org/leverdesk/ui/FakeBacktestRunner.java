package org.leverdesk.ui;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestRequest;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.BacktestRunner;
import org.leverdesk.backtest.EquityPoint;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;

/**
 * A deterministic {@link BacktestRunner} for UI tests: one equity point per weekday of the request,
 * strategy equity growing 0.1% a day with a 20% dip in the middle, benchmark growing 0.05% a day,
 * fixed metrics and two fills. It reports progress per day and honours cancellation.
 */
public final class FakeBacktestRunner implements BacktestRunner {
    public static final StrategyInfo REGIME = new StrategyInfo("regime", "QQQ regime switch", "TQQQ", List.of(
            new Parameter("smaPeriod", "200", "Length of the trend filter in days"),
            new Parameter("exitBuffer", "0.02", "How far below the SMA before leaving"),
            new Parameter("useStops", "true", "Use protective stops")));
    public static final StrategyInfo HOLD = new StrategyInfo("hold", "Buy and hold", "QQQ", List.of());
    public static final Metrics METRICS = new Metrics(0.5, 0.1, 0.2, 1.23456, 1.5, -0.25,
            LocalDate.of(2020, 2, 19), LocalDate.of(2020, 3, 23), 0.4, 2, 0.5, 1.8, 120.0, -60.0, 0.75, 15_000);
    public static final Metrics BENCHMARK_METRICS = new Metrics(0.3, 0.06, 0.25, 0.8, 1.1, -0.35,
            LocalDate.of(2020, 2, 19), LocalDate.of(2020, 3, 16), 0.17, 0, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, 1.0, 13_000);

    private final List<StrategyInfo> offered;
    private volatile BacktestRequest lastRequest;
    private volatile RuntimeException failure;
    private volatile double benchmarkScale = 1;

    /** Offers {@link #REGIME} (whose form the catalog's regime parameters replace) and {@link #HOLD}. */
    public FakeBacktestRunner() {
        this(List.of(REGIME, HOLD));
    }

    /** Offers {@code strategies}. */
    public FakeBacktestRunner(List<StrategyInfo> strategies) {
        this.offered = List.copyOf(strategies);
    }

    /** Makes the benchmark start at {@code scale} times the capital (1: the same amount, as buy-and-hold does). */
    public void setBenchmarkScale(double scale) {
        benchmarkScale = scale;
    }

    /** Makes the next runs throw {@code e} (null to succeed again). */
    public void failWith(RuntimeException e) {
        failure = e;
    }

    public BacktestRequest lastRequest() {
        return lastRequest;
    }

    @Override
    public List<StrategyInfo> strategies() {
        return offered;
    }

    @Override
    public BacktestResult run(BacktestRequest request, ProgressListener progress, CancellationToken cancel) {
        lastRequest = request;
        if (failure != null) {
            throw failure;
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = request.from(); !d.isAfter(request.to()); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        List<EquityPoint> equity = new ArrayList<>(days.size());
        double[] benchmark = new double[days.size()];
        int dipStart = days.size() / 2;
        for (int i = 0; i < days.size(); i++) {
            cancel.throwIfCancelled();
            double e = request.capital() * Math.pow(1.001, i) * (i >= dipStart && i < dipStart + 20 ? 0.8 : 1.0);
            equity.add(new EquityPoint(days.get(i), e, 0, e));
            benchmark[i] = benchmarkScale * request.capital() * Math.pow(1.0005, i);
            progress.progress((i + 1) / (double) days.size(), "day " + (i + 1));
        }
        BacktestConfig config = new BacktestConfig(request.from(), request.to(), request.capital(), request.costs(), false,
                request.benchmarkSymbol(), false);
        List<Fill> fills = List.of(
                new Fill(request.from(), request.symbol(), Side.BUY, 100, 51.0625, 1.0, "trend up"),
                new Fill(request.to(), request.symbol(), Side.SELL, 100, 60.5, 1.0, "trend down"));
        return new BacktestResult(request.strategyId(), request.symbol(), config, "fake prices", equity, benchmark,
                METRICS, BENCHMARK_METRICS, fills, List.of(), List.of());
    }

    /** One bar per weekday: open 50 + i, close open + 1, high close + 0.5, low open - 0.5, volume 1000 + i. */
    @Override
    public BarSeries bars(String symbol, LocalDate from, LocalDate to) {
        List<Bar> bars = new ArrayList<>();
        int i = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                double open = 50 + i;
                bars.add(new Bar(d, open, open + 1.5, open - 0.5, open + 1, 1000 + i, open + 1));
                i++;
            }
        }
        return BarSeries.of(symbol, bars);
    }
}
