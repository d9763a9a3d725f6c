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
import org.leverdesk.research.sweep.ParameterAxis;
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
        // the resampled run in the parameter model's labels, not its keys
        Trial best = vm.selectedProperty().get();
        assertTrue(vm.monteCarloTextProperty().get().startsWith("Entry RSI " + best.parameters().get("entryRsi") + ", Exit RSI "
                + best.parameters().get("exitRsi") + " · 1,000 paths of "), vm.monteCarloTextProperty().get());
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

    @Test
    void theAdviceGridIsTypedInParameterLabelsAndItsErrorsNameThem() {
        ParameterHeadings h = ParameterHeadings.of(org.leverdesk.strategy.catalog.StrategyCatalog.builtIn(), "rsi2");
        // the label with or without its unit, any case; a range; on/off as the lab writes it
        assertEquals(List.of(new ParameterAxis("entryRsi", List.of("20", "25", "35"), true),
                        new ParameterAxis("exitRsi", List.of("70", "80"), true),
                        new ParameterAxis("rsiPeriod", List.of("2", "3"), true),
                        new ParameterAxis("vwapFilter", List.of("true", "false"), false)),
                AdviceViewModel.gridAxes("Entry RSI: 20, 25, 35; exit rsi: 70..80:10; RSI period (bars): 2,3; VWAP filter: on, off;", h));
        assertEquals(List.of(), AdviceViewModel.gridAxes("  ", h));
        // the old code text is refused with an example in labels, never answered in keys
        String codeText = problem("entryRsi=20,25,35", h);
        assertEquals("'entryRsi=20,25,35' must be a parameter's label, a colon and the values, e.g. RSI period: 2, …; Entry RSI: 30, …",
                codeText);
        assertTrue(problem("Entry RSX: 20", h).startsWith("no parameter 'Entry RSX'; choose one of RSI period, Entry RSI, Exit RSI, "),
                problem("Entry RSX: 20", h));
        assertEquals("Exit RSI has no values; give them after the colon, e.g. RSI period: 2, …; Entry RSI: 30, …", problem("Exit RSI:", h));
        for (String bad : List.of("Entry RSI: 20, x", "Entry RSI: 40..20", "Entry RSI: 20,,30")) {
            String p = problem(bad, h);
            assertTrue(p.contains("Entry RSI") && !p.contains("entryRsi"), p);
        }
        // the field's prompt is the same example, in the chosen strategy's labels
        AdviceViewModel advice = new AdviceViewModel(model(), null, null, TradingMode.PAPER, executor);
        assertEquals("RSI period: 2, …; Entry RSI: 30, …", advice.gridPromptProperty().get());
    }

    private static String problem(String grid, ParameterHeadings h) {
        try {
            AdviceViewModel.gridAxes(grid, h);
            return "no problem";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Test
    void onOffParametersAreShownAndTypedAsOnAndOff() {
        ResearchViewModel vm = model();
        ParameterRow vwap = vm.parameters().stream().filter(r -> r.name().equals("vwapFilter")).findFirst().orElseThrow();
        ParameterRow hedge = vm.parameters().stream().filter(r -> r.name().equals("hedge")).findFirst().orElseThrow();
        assertEquals("off", vwap.prompt(), "the empty field's prompt, never the strategy's 'false'");
        assertEquals("on", hedge.prompt());
        vm.setSpec("vwapFilter", "on, off");
        assertEquals("", vm.formProblemProperty().get());
        assertEquals("2 runs of rsi2 on TQQQ", vm.planProperty().get());
        // the strategy still gets its own text
        assertEquals(List.of("true", "false"), vm.sweepRequest().space().varied().get(0).values());
        vm.runSweep();
        assertEquals("", vm.errorProperty().get());
        assertEquals(java.util.Set.of("on", "off"), vm.trials().stream()
                .map(t -> vm.shownValue("vwapFilter", t.parameters().get("vwapFilter"))).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void parameterSetsAndSessionFeaturesAreInWords() {
        ParameterHeadings h = ParameterHeadings.of(org.leverdesk.strategy.catalog.StrategyCatalog.builtIn(), "rsi2");
        var active = new org.leverdesk.research.similar.Candidate("v1 (active)", 1L, java.util.Map.of("entryRsi", "30", "hedge", "true"));
        var grid = new org.leverdesk.research.similar.Candidate("entryRsi=10", null, java.util.Map.of("entryRsi", "10", "hedge", "true"));
        var off = new org.leverdesk.research.similar.Candidate("hedge=false", null, java.util.Map.of("entryRsi", "30", "hedge", "false"));
        assertEquals("v1 (active)", AdviceViewModel.setName(active, active, h));
        assertEquals("Entry RSI 10", AdviceViewModel.setName(grid, active, h));
        assertEquals("Hedge off", AdviceViewModel.setName(off, active, h));
        assertEquals("Entry RSI 30 → 10", AdviceViewModel.differences(active, grid, h));
        assertEquals("Entry RSI 20, Exit RSI 70", h.inWords(new java.util.TreeMap<>(java.util.Map.of("entryRsi", "20", "exitRsi", "70"))));
        String features = SessionFeatureWords.of(List.of("regime", "rsi14", "atr_pct", "volume_ratio", "sma50_dist", "vix"),
                new double[] {0, 42.98, 4.95, 1.26, -1.79, 13.6});
        assertEquals("regime cautious · RSI(14) 43.0 · daily range (ATR 14) 4.95% of the close · volume 1.26× its 20-day average"
                + " · -1.8% from the 50-day average · VIX 13.60", features);
        // the walk-forward headings: no abbreviation without its words, each explained
        for (WalkForwardHeadings w : WalkForwardHeadings.values()) {
            assertFalse(List.of("IS CAGR", "OOS CAGR", "WFE", "DSR", "PBO").contains(w.label()), w.label());
            assertTrue(w.explanation().length() > 60, w.explanation());
        }
    }
}
