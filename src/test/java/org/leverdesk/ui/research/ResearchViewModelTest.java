package org.leverdesk.ui.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.SavedRuns;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.research.Metric;
import org.leverdesk.research.ResearchFixture;
import org.leverdesk.research.RunnerBacktestFunction;
import org.leverdesk.research.Trial;
import org.leverdesk.ui.FakeSavedRuns;
import org.leverdesk.ui.TestTaskExecutor;

/** The Research view model over the real engine on the demo market, run synchronously (no JavaFX thread). */
class ResearchViewModelTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2020, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private final TestTaskExecutor executor = new TestTaskExecutor();
    private final FakeSavedRuns saved = new FakeSavedRuns(CLOCK);
    private final List<SavedRuns.SavedRun> opened = new ArrayList<>();

    private ResearchViewModel model() {
        var engine = ResearchFixture.demoEngine();
        ResearchViewModel vm = new ResearchViewModel(engine, saved, null, members -> new RunnerBacktestFunction(engine, 2),
                ResearchFixture.check(), executor, opened::add, CLOCK);
        vm.strategyProperty().set(vm.strategies().stream().filter(s -> s.id().equals("rsi2")).findFirst().orElseThrow());
        vm.fromProperty().set(LocalDate.of(2018, 1, 1));
        vm.toProperty().set(LocalDate.of(2019, 12, 31));
        return vm;
    }

    @Test
    void theFormSaysWhatIsMissingOrWrong() {
        ResearchViewModel vm = model();
        assertEquals("TQQQ", vm.symbolProperty().get());
        assertTrue(vm.formProblemProperty().get().startsWith("type the values to try"), vm.formProblemProperty().get());
        vm.setSpec("entryRsi", "10..x");
        assertFalse(vm.parameters().get(1).problemProperty().get().isEmpty());
        assertTrue(vm.formProblemProperty().get().contains("not a number"), vm.formProblemProperty().get());
        vm.setSpec("entryRsi", "10,30");
        vm.setSpec("exitRsi", "70..90:20");
        assertEquals("", vm.formProblemProperty().get());
        assertEquals("4 runs of rsi2 on TQQQ", vm.planProperty().get());
        vm.randomProperty().set(true);
        vm.samplesProperty().set("3");
        assertEquals("3 runs of rsi2 on TQQQ", vm.planProperty().get());
        vm.capitalProperty().set("lots");
        assertTrue(vm.formProblemProperty().get().startsWith("capital must be a number"));
    }

    @Test
    void aSweepFillsTheTableHeatmapStatisticsAndMonteCarlo() {
        ResearchViewModel vm = model();
        vm.setSpec("entryRsi", "10,30");
        vm.setSpec("exitRsi", "70,90");
        vm.metricProperty().set(Metric.CAGR);
        vm.runSweep();
        assertFalse(vm.runningProperty().get());
        assertEquals("", vm.errorProperty().get());
        assertEquals(4, vm.trials().size());
        assertTrue(vm.trials().get(0).metrics().cagr() >= vm.trials().get(3).metrics().cagr(), "best first");
        assertEquals(List.of(new ResearchViewModel.ParameterColumn("entryRsi", "Entry RSI"),
                new ResearchViewModel.ParameterColumn("exitRsi", "Exit RSI")), vm.parameterColumnsProperty().get());
        SweepChart chart = vm.chartProperty().get();
        assertEquals(SweepChart.Kind.HEATMAP, chart.kind());
        assertEquals(2, chart.xs().length);
        assertEquals(vm.trials().stream().filter(t -> t.parameters().get("entryRsi").equals("30")
                && t.parameters().get("exitRsi").equals("90")).findFirst().orElseThrow(), chart.trialAt(1, 1));
        assertTrue(vm.overfittingTextProperty().get().contains("Deflated Sharpe ratio"));
        assertTrue(vm.messageProperty().get().startsWith("4 runs in "), vm.messageProperty().get());
        assertEquals(vm.trials().get(0), vm.selectedProperty().get());
        assertNotNull(vm.monteCarloProperty().get(), vm.monteCarloTextProperty().get());
        assertEquals(1000, vm.monteCarloProperty().get().request().runs());
        vm.monteCarloRunsProperty().set("200");
        assertEquals(200, vm.monteCarloProperty().get().request().runs());
    }

    @Test
    void theFormTableAndChartUseTheParameterModelsLabelsAndUnits() {
        ResearchViewModel vm = model();
        var rows = vm.parameters().stream().collect(java.util.stream.Collectors.toMap(ParameterRow::name, ParameterRow::heading));
        assertEquals("Entry RSI", rows.get("entryRsi"));
        assertEquals("Exit RSI", rows.get("exitRsi"));
        assertTrue(rows.values().stream().noneMatch(h -> h.matches(".*[a-z][A-Z].*")), "no camelCase heading: " + rows);
        vm.setSpec("entryRsi", "10,30");
        vm.setSpec("exitRsi", "70,90");
        vm.runSweep();
        SweepChart chart = vm.chartProperty().get();
        assertEquals("Entry RSI", chart.xName());
        assertEquals("Exit RSI", chart.yName());
    }

    @Test
    void aHeadingCarriesTheUnitOfTheValuesTried() {
        var catalog = org.leverdesk.strategy.catalog.StrategyCatalog.builtIn();
        // a number with a unit, a percent kept as a fraction, money: each headed by what the typed values mean
        List<String> all = catalog.all().stream().flatMap(d -> d.parameters().stream()).map(ParameterHeadings::heading).toList();
        assertTrue(all.stream().anyMatch(h -> h.endsWith(" (days)") || h.endsWith(" (bars)")), all.toString());
        assertTrue(all.stream().anyMatch(h -> h.endsWith(" (fraction)")), all.toString());
        assertEquals("Minutes before close", ParameterHeadings.of(catalog, "no-such-strategy").of("minutesBeforeClose"));
    }

    @Test
    void aClickedRunIsSavedAndOpenedInTheBacktestView() {
        ResearchViewModel vm = model();
        vm.setSpec("entryRsi", "10,30");
        vm.runSweep();
        Trial t = vm.trials().get(1);
        vm.openInBacktest(t);
        assertEquals(1, opened.size(), vm.errorProperty().get());
        assertEquals(t.metrics().finalEquity(), opened.get(0).finalEquity(), 0.0, "the opened run is the same backtest");
        assertEquals(t.parameters().get("entryRsi"), saved.parametersOf(opened.get(0).id()).get("entryRsi"));
    }

    @Test
    void aWalkForwardShowsItsWindowsAndEfficiency() {
        ResearchViewModel vm = model();
        vm.setSpec("entryRsi", "10,30");
        vm.inSampleProperty().set("12m");
        vm.outOfSampleProperty().set("6m");
        vm.runWalkForward();
        assertEquals("", vm.errorProperty().get());
        assertEquals(2, vm.walkForwardProperty().get().windows().size());
        assertTrue(vm.walkForwardTextProperty().get().contains("Walk-forward efficiency"), vm.walkForwardTextProperty().get());
    }

    @Test
    void cancellingSaysNothingWasSaved() {
        executor.hold();
        ResearchViewModel vm = model();
        vm.setSpec("entryRsi", "10,30");
        vm.runSweep();
        assertTrue(vm.runningProperty().get());
        vm.cancel();
        executor.runPending();
        assertFalse(vm.runningProperty().get());
        assertEquals("Cancelled; nothing was saved", vm.messageProperty().get());
        assertTrue(vm.trials().isEmpty());
    }

    @Test
    void withoutAStoreTheAdviceTabSaysWhy() {
        ResearchViewModel vm = model();
        AdviceViewModel advice = new AdviceViewModel(vm, null, null, TradingMode.LIVE, executor);
        assertFalse(advice.available());
        assertFalse(advice.autoApplyAllowed());
        assertTrue(advice.messageProperty().get().contains("needs the store"));
        advice.advise();
        assertTrue(advice.rows().isEmpty());
    }
}
