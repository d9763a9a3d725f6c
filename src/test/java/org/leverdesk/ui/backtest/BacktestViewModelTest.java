package org.leverdesk.ui.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.BacktestRequest;
import org.leverdesk.backtest.BacktestRunner;
import org.leverdesk.backtest.BacktestRunner.StrategyInfo;
import org.leverdesk.strategy.catalog.ParameterKind;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyDescriptor.ParameterSpec;
import org.leverdesk.ui.common.form.FieldModel;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.market.data.MarketDataException;
import org.leverdesk.ui.FakeBacktestRunner;
import org.leverdesk.ui.TestTaskExecutor;
import org.leverdesk.ui.chart.ChartSeries;

class BacktestViewModelTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2024, 6, 28).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private final FakeBacktestRunner runner = new FakeBacktestRunner();
    private final TestTaskExecutor executor = new TestTaskExecutor();
    private final BacktestViewModel vm = new BacktestViewModel(runner, executor, CLOCK);

    @Test
    void startsWithFirstStrategyItsSymbolAsBenchmarkAndTenYearsEndingToday() {
        assertEquals(FakeBacktestRunner.REGIME, vm.strategyProperty().get());
        assertEquals("TQQQ", vm.symbolProperty().get());
        assertEquals("TQQQ", vm.benchmarkProperty().get());
        assertEquals(LocalDate.of(2014, 6, 28), vm.fromProperty().get());
        assertEquals(LocalDate.of(2024, 6, 28), vm.toProperty().get());
        // the catalog's parameter model, not names guessed from the runner's defaults
        assertEquals(StrategyCatalog.builtIn().require("regime").parameters().stream().map(ParameterSpec::name).toList(),
                vm.form().fields().stream().map(FieldModel::key).toList());
        assertEquals("Fast SMA", vm.form().field("fastPeriod").label());
        assertEquals("30", vm.form().field("capitalFraction").valueProperty().get(), "a fraction is shown as percent points");
        assertTrue(vm.validProperty().get());
        assertTrue(vm.canRunProperty().get());
        assertEquals("", vm.validationMessageProperty().get());
    }

    @Test
    void choosingAnotherStrategyResetsSymbolBenchmarkAndParameters() {
        vm.benchmarkProperty().set("QQQ");
        vm.strategyProperty().set(FakeBacktestRunner.HOLD);
        assertEquals("QQQ", vm.symbolProperty().get());
        assertEquals("QQQ", vm.benchmarkProperty().get());
        assertTrue(vm.form().fields().isEmpty());
    }

    @Test
    void switchingTheStrategyClearsThePreviousStrategysChartsAndMetrics() {
        vm.run();
        assertFalse(vm.metricRows().isEmpty());
        assertFalse(vm.equitySeriesProperty().get().isEmpty());
        assertTrue(vm.canExportProperty().get());
        vm.strategyProperty().set(FakeBacktestRunner.HOLD);
        assertTrue(vm.metricRows().isEmpty(), "metrics of the regime run are not the hold strategy's");
        assertTrue(vm.trades().isEmpty());
        assertTrue(vm.equitySeriesProperty().get().isEmpty());
        assertTrue(vm.drawdownSeriesProperty().get().isEmpty());
        assertEquals(0, vm.priceChartProperty().get().bars().size());
        assertEquals(0, vm.decisions().total());
        assertFalse(vm.canExportProperty().get(), "nothing left to export");
        assertEquals("", vm.statusMessageProperty().get());
    }

    @Test
    void switchingTheStrategyDuringARunCancelsItSoItsResultNeverAppearsUnderTheNewOne() {
        executor.hold();
        vm.run();
        vm.strategyProperty().set(FakeBacktestRunner.HOLD);
        executor.runPending();
        assertTrue(vm.metricRows().isEmpty());
        assertFalse(vm.runningProperty().get());
        assertEquals("Backtest cancelled.", vm.statusMessageProperty().get());
    }

    @Test
    void equityIsInDollarsUnlessTheBenchmarkStartsElsewhereAndEveryUnitCanBeChosen() {
        vm.run();
        assertEquals(EquityUnit.DOLLARS, vm.equityUnitProperty().get());
        ChartSeries dollars = vm.equitySeriesProperty().get().get(0);
        assertEquals(10_000, dollars.y()[0], 1e-9);
        vm.equityUnitProperty().set(EquityUnit.GROWTH);
        ChartSeries growth = vm.equitySeriesProperty().get().get(0);
        assertEquals(1.0, growth.y()[0], 1e-12);
        assertEquals(dollars.y()[10] / 10_000, growth.y()[10], 1e-12);
        assertEquals("$1.10", EquityUnit.GROWTH.format().apply(1.1));
        assertEquals("10.0%", EquityUnit.PERCENT.format().apply(1.1), "percent is the growth factor labelled as return");
        assertEquals("-25.0%", EquityUnit.PERCENT.format().apply(0.75));

        vm.equityUnitProperty().set(EquityUnit.DOLLARS);
        runner.setBenchmarkScale(148); // a benchmark that did not start with the strategy's capital
        vm.run();
        assertEquals(EquityUnit.GROWTH, vm.equityUnitProperty().get(), "both lines on one scale");
        assertEquals(1.0, vm.equitySeriesProperty().get().get(1).y()[0], 1e-12);
    }

    @Test
    void aReplacedResultIsReleased() throws Exception {
        vm.run();
        java.lang.ref.WeakReference<Object> first = new java.lang.ref.WeakReference<>(vm.shownResult());
        assertTrue(first.get() != null);
        vm.run();
        for (int i = 0; i < 50 && first.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(first.get(), "the first run's result is no longer held once another is shown");
    }

    @Test
    void benchmarkFollowsSymbolUntilEditedByHand() {
        vm.symbolProperty().set("QQQ");
        assertEquals("QQQ", vm.benchmarkProperty().get());
        vm.benchmarkProperty().set("SPY");
        vm.symbolProperty().set("SQQQ");
        assertEquals("SPY", vm.benchmarkProperty().get());
    }

    @Test
    void fromAfterToIsInvalidAndBlocksRun() {
        vm.fromProperty().set(LocalDate.of(2024, 7, 1));
        assertFalse(vm.validProperty().get());
        assertFalse(vm.canRunProperty().get());
        assertEquals("From date (2024-07-01) must be on or before To date (2024-06-28)", vm.datesErrorProperty().get());
        assertEquals(vm.datesErrorProperty().get(), vm.validationMessageProperty().get());
        vm.run();
        assertNull(runner.lastRequest(), "an invalid form must not reach the runner");
    }

    @Test
    void sameFromAndToDateIsValid() {
        vm.fromProperty().set(vm.toProperty().get());
        assertTrue(vm.validProperty().get());
    }

    @Test
    void capitalMustBeAPositiveNumber() {
        vm.capitalProperty().set("ten thousand");
        assertEquals("Capital must be a number, e.g. 10000", vm.capitalErrorProperty().get());
        vm.capitalProperty().set("0");
        assertEquals("Capital must be a positive amount", vm.capitalErrorProperty().get());
        vm.capitalProperty().set("-5");
        assertFalse(vm.validProperty().get());
        vm.capitalProperty().set("$25,000.50");
        assertEquals("", vm.capitalErrorProperty().get());
        assertEquals(25_000.5, vm.request().capital());
    }

    @Test
    void parameterProblemsUseTheLabelsAndTheStrategysOwnCheck() {
        FieldModel fast = vm.form().field("fastPeriod");
        fast.valueProperty().set("2O");
        assertFalse(vm.validProperty().get());
        assertTrue(vm.validationMessageProperty().get().startsWith("Fast SMA"), vm.validationMessageProperty().get());
        assertFalse(fast.problemProperty().get().isEmpty(), "the field shows its own problem");
        fast.valueProperty().set(" 40 ");
        assertTrue(vm.validProperty().get(), vm.validationMessageProperty().get());
        // each field is fine alone; the strategy's check of the set finds the rule between two of them
        fast.valueProperty().set("300");
        assertFalse(vm.validProperty().get());
        assertTrue(vm.validationMessageProperty().get().startsWith("SMA periods need"), vm.validationMessageProperty().get());
        fast.valueProperty().set("50");
        assertTrue(vm.validProperty().get());
        vm.form().field("capitalFraction").valueProperty().set("130");
        assertTrue(vm.validationMessageProperty().get().startsWith("Capital used"), vm.validationMessageProperty().get());
    }

    @Test
    void theStrategysCheckSeesTheTradedSymbolSoAnInvalidPairIsRefusedBeforeRunning() {
        vm.symbolProperty().set("QQQ"); // regime's signal symbol is QQQ: the CLI refuses this pair too
        assertFalse(vm.canRunProperty().get());
        assertTrue(vm.validationMessageProperty().get().contains("must differ"), vm.validationMessageProperty().get());
        vm.form().field("signalSymbol").valueProperty().set("SPY");
        assertTrue(vm.canRunProperty().get(), vm.validationMessageProperty().get());
    }

    @Test
    void everyBuiltInStrategyCanRunWithItsDefaults() {
        List<StrategyInfo> all = StrategyCatalog.builtIn().all().stream().map(d -> new StrategyInfo(d.id(), d.displayName(),
                d.defaultSymbol(), d.parameters().stream().map(p -> new BacktestRunner.Parameter(p.name(), p.defaultValue(),
                        p.description())).toList())).toList();
        BacktestViewModel every = new BacktestViewModel(new FakeBacktestRunner(all), null, executor, CLOCK);
        for (StrategyInfo info : all) {
            every.strategyProperty().set(info);
            assertTrue(every.canRunProperty().get(), info.id() + ": " + every.validationMessageProperty().get());
        }
    }

    @Test
    void aStrategyTheCatalogDoesNotKnowGetsFieldsGuessedFromTheRunnersDefaults() {
        StrategyInfo custom = new StrategyInfo("custom", "Custom", "QQQ", List.of(
                new BacktestRunner.Parameter("smaPeriod", "200", "Trend filter"),
                new BacktestRunner.Parameter("useStops", "true", "Stops")));
        BacktestViewModel other = new BacktestViewModel(new FakeBacktestRunner(List.of(custom)), null, executor, CLOCK);
        assertEquals("Sma period", other.form().field("smaPeriod").label());
        assertEquals(ParameterKind.ON_OFF, other.form().field("useStops").kind());
        other.form().field("smaPeriod").valueProperty().set("2OO");
        assertFalse(other.validProperty().get());
    }

    @Test
    void severalProblemsShowTheFirstAndACount() {
        vm.symbolProperty().set(" ");
        vm.capitalProperty().set("x");
        // symbol blank also blanks the following benchmark
        assertEquals("Symbol must not be empty, e.g. QQQ (and 2 more)", vm.validationMessageProperty().get());
    }

    @Test
    void runSendsTheFormAsRequestWithUpperCaseSymbols() {
        vm.symbolProperty().set("qld ");
        vm.benchmarkProperty().set("spy");
        vm.form().field("fastPeriod").valueProperty().set(" 40 ");
        vm.form().field("capitalFraction").valueProperty().set("40");
        vm.fromProperty().set(LocalDate.of(2024, 1, 1));
        vm.run();
        BacktestRequest r = runner.lastRequest();
        assertEquals("regime", r.strategyId());
        assertEquals("QLD", r.symbol());
        assertEquals("SPY", r.benchmarkSymbol());
        assertEquals(LocalDate.of(2024, 1, 1), r.from());
        assertEquals(10_000, r.capital());
        assertEquals("40", r.parameters().get("fastPeriod"));
        assertEquals("0.4", r.parameters().get("capitalFraction"), "sent in the strategy's own unit (a fraction)");
        assertEquals(StrategyCatalog.builtIn().require("regime").parameters().size(), r.parameters().size());
    }

    @Test
    void runFillsMetricsRowsTradesAndBothCharts() {
        vm.fromProperty().set(LocalDate.of(2024, 6, 3)); // Monday; 20 weekdays to Friday 2024-06-28
        vm.run();

        assertFalse(vm.runningProperty().get());
        assertEquals("", vm.errorMessageProperty().get());
        assertEquals(Metrics.class.getRecordComponents().length, vm.metricRows().size(), "one row per Metrics field");
        assertEquals(new MetricRow("Total return", "50.00%", "30.00%"), vm.metricRows().get(0));
        assertEquals(new MetricRow("Sharpe ratio", "1.23", "0.80"), row("Sharpe ratio"));
        assertEquals(new MetricRow("Max drawdown", "-25.00%", "-35.00%"), row("Max drawdown"));
        assertEquals(new MetricRow("Max drawdown trough", "2020-03-23", "2020-03-16"), row("Max drawdown trough"));
        assertEquals(new MetricRow("Win rate", "50.00%", "—"), row("Win rate"));
        assertEquals(new MetricRow("Average loss", "-$60.00", "—"), row("Average loss"));
        assertEquals(new MetricRow("Final equity", "$15,000.00", "$13,000.00"), row("Final equity"));
        assertEquals(2, vm.trades().size());

        List<ChartSeries> equity = vm.equitySeriesProperty().get();
        assertEquals(List.of("Strategy TQQQ", "Buy & hold TQQQ"), equity.stream().map(ChartSeries::name).toList());
        assertEquals(20, equity.get(0).size());
        assertEquals(LocalDate.of(2024, 6, 3), ChartSeries.date(equity.get(0).x()[0]));
        assertEquals(10_000, equity.get(0).y()[0], 1e-9);
        assertEquals(10_000 * Math.pow(1.0005, 19), equity.get(1).y()[19], 1e-6);
        List<ChartSeries> drawdown = vm.drawdownSeriesProperty().get();
        assertEquals(2, drawdown.size());
        // the fake dips 20% from day 10 on: drawdown there is -20% of the running peak at day 9, times 1.001
        assertEquals((0.8 * 1.001 - 1) * 100, drawdown.get(0).y()[10], 1e-9);
        assertEquals(0, drawdown.get(1).y()[19], 1e-12);
        assertEquals("TQQQ 2024-06-03 … 2024-06-28 (20 days), 2 fills, data: fake prices", vm.statusMessageProperty().get());
    }

    @Test
    void progressFromTheRunnerReachesTheProgressProperty() {
        vm.fromProperty().set(LocalDate.of(2024, 6, 24));
        List<Double> seen = new ArrayList<>();
        vm.progressProperty().addListener((obs, old, now) -> seen.add(now.doubleValue()));
        vm.run();
        assertEquals(List.of(0.2, 0.4, 0.6, 0.8, 1.0), seen);
    }

    @Test
    void cancelWhileRunningStopsTheRunAndSaysSo() {
        executor.hold();
        vm.run();
        assertTrue(vm.runningProperty().get());
        assertFalse(vm.canRunProperty().get(), "no second run while one is running");
        vm.cancel();
        executor.runPending();
        assertFalse(vm.runningProperty().get());
        assertEquals("Backtest cancelled.", vm.statusMessageProperty().get());
        assertEquals("", vm.errorMessageProperty().get());
        assertTrue(vm.metricRows().isEmpty());
        assertTrue(vm.equitySeriesProperty().get().isEmpty());
        assertTrue(vm.canRunProperty().get());
    }

    @Test
    void dataErrorShowsItsOneLineMessageAndClearsOldResults() {
        vm.fromProperty().set(LocalDate.of(2024, 6, 3));
        vm.run();
        assertFalse(vm.metricRows().isEmpty());
        runner.failWith(new MarketDataException("no bars for TQQQ before 2010-02-11; choose a later From date"));
        vm.run();
        assertEquals("no bars for TQQQ before 2010-02-11; choose a later From date", vm.errorMessageProperty().get());
        assertTrue(vm.metricRows().isEmpty());
        assertTrue(vm.trades().isEmpty());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void invalidRequestFromRunnerShowsItsMessage() {
        runner.failWith(new IllegalArgumentException("unknown parameter smaPeriod\n  at line 2"));
        vm.run();
        assertEquals("unknown parameter smaPeriod", vm.errorMessageProperty().get());
    }

    @Test
    void unexpectedFailureNamesTheErrorAndPointsToTheLog() {
        runner.failWith(new IllegalStateException("boom"));
        vm.run();
        assertEquals("Backtest failed unexpectedly (IllegalStateException: boom); see the log for details.",
                vm.errorMessageProperty().get());
    }

    @Test
    void aSuccessfulRunClearsThePreviousError() {
        runner.failWith(new MarketDataException("no data"));
        vm.run();
        runner.failWith(null);
        vm.fromProperty().set(LocalDate.of(2024, 6, 3));
        vm.run();
        assertEquals("", vm.errorMessageProperty().get());
        assertFalse(vm.metricRows().isEmpty());
    }

    private MetricRow row(String name) {
        return vm.metricRows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aRunChartsTheTradedSymbolsBarsWithTheStrategysOverlaysAndAMarkerPerFill() {
        vm.fromProperty().set(LocalDate.of(2024, 1, 1));
        vm.toProperty().set(LocalDate.of(2024, 1, 31));
        vm.run();
        var data = vm.priceChartProperty().get();
        // 23 weekdays in January 2024, the same dates as the equity curve
        assertEquals(23, data.bars().size());
        assertEquals(vm.equitySeriesProperty().get().get(0).x()[22], data.bars().x()[22]);
        assertEquals("TQQQ", data.bars().symbol());
        assertTrue(data.overlays().isEmpty(), "no averages of TQQQ: the regime strategy reads QQQ's");
        assertEquals("QQQ (regime signal)", data.pane().title(), "QQQ's close and averages get their own pane");
        assertEquals(List.of("QQQ close", "QQQ SMA 50", "QQQ SMA 250"), data.pane().lines().stream().map(ChartSeries::name).toList());
        assertEquals(2, data.markers().size());
        assertTrue(data.markers().get(0).buy());
        assertFalse(data.markers().get(1).buy());
        assertTrue(vm.decisions().rows().isEmpty());
    }
}
