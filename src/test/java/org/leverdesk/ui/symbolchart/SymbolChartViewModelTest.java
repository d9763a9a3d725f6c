package org.leverdesk.ui.symbolchart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.SavedRuns;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.MapMarketData;
import org.leverdesk.ui.FakeBacktestRunner;
import org.leverdesk.ui.TestTaskExecutor;
import org.leverdesk.ui.chart.ChartSeries;
import org.leverdesk.ui.chart.PriceChartData;
import org.leverdesk.ui.symbols.SymbolDirectory;

/** The Chart view's state: any symbol, indicators with their parameters, a saved run's trades on it. */
class SymbolChartViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T16:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate START = LocalDate.of(2026, 1, 2);
    private final NyseCalendar cal = new NyseCalendar();

    private static double[] closes(double first, int n) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = first + i;
        }
        return c;
    }

    private final MapMarketData prices = new MapMarketData(Map.of(
            "QQQ", Bars.flat("QQQ", cal, START, closes(100, 40)),
            "TQQQ", Bars.flat("TQQQ", cal, START, closes(50, 40))), false);

    private final SavedRuns runs = new SavedRuns() {
        @Override
        public long save(BacktestResult result, Map<String, String> parameters) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SavedRun> list() {
            return List.of(new SavedRun(7, "rsi2", "TQQQ", START, START.plusDays(50), Instant.EPOCH, 0.1, 11_000));
        }

        @Override
        public Optional<BacktestResult> load(long id) {
            List<Fill> fills = List.of(new Fill(LocalDate.of(2026, 1, 6), "TQQQ", Side.BUY, 10, 52, 0, "RSI 12"),
                    new Fill(LocalDate.of(2026, 1, 9), "SQQQ", Side.BUY, 3, 20, 0, "hedge"),
                    new Fill(LocalDate.of(2026, 1, 13), "TQQQ", Side.SELL, 10, 57, 0, "RSI 80"));
            BacktestConfig config = new BacktestConfig(START, START.plusDays(50), 10_000, null, false, "TQQQ", true);
            return Optional.of(new BacktestResult("rsi2", "TQQQ", config, "test", List.of(), new double[0],
                    FakeBacktestRunner.METRICS, FakeBacktestRunner.BENCHMARK_METRICS, fills, List.of(), List.of()));
        }
    };

    private SymbolChartViewModel vm() {
        return new SymbolChartViewModel(prices, new SymbolDirectory(prices, null, null), runs, new TestTaskExecutor(), CLOCK);
    }

    @Test
    void opensOnQqqWithItsBarsTwoSmasAndTheRsiPane() {
        SymbolChartViewModel vm = vm();
        vm.start();
        PriceChartData data = vm.dataProperty().get();
        assertEquals("QQQ", data.bars().symbol());
        assertEquals(40, data.bars().size());
        assertEquals(List.of("SMA 50", "SMA 200"), data.overlays().stream().map(ChartSeries::name).toList());
        assertEquals("RSI(14)", data.indicator().name());
        assertEquals("QQQ · last close $139.00 on 2026-03-02 · +0.72% on the day · 40 bars from 2026-01-02", vm.summaryProperty().get());
        assertEquals(1, vm.runs().size());
    }

    @Test
    void indicatorParametersRedrawTheChart() {
        SymbolChartViewModel vm = vm();
        vm.start();
        vm.indicators().field("smaFastPeriod").valueProperty().set("10");
        ChartSeries sma = vm.dataProperty().get().overlays().get(0);
        assertEquals("SMA 10", sma.name());
        assertEquals(134.5, sma.y()[39], 1e-9, "mean of the closes 130..139");
        assertTrue(Double.isNaN(sma.y()[8]), "warming up");
        vm.indicators().field("smaFastPeriod").valueProperty().set("1");
        assertEquals("SMA period must be between 2 and 1,000 bars (got 1 bars)",
                vm.indicators().field("smaFastPeriod").problemProperty().get());
        assertEquals("SMA 10", vm.dataProperty().get().overlays().get(0).name(), "an invalid parameter keeps the last chart");
        vm.indicators().field("pane").valueProperty().set("atr");
        vm.indicators().field("smaFastPeriod").valueProperty().set("20");
        assertEquals("ATR(14) $", vm.dataProperty().get().indicator().name());
        assertEquals(1.0, vm.dataProperty().get().indicator().y()[39], 1e-9, "bars with high = low rising by 1 a day: every true range is 1");
    }

    @Test
    void searchFindsASymbolAndARunsTradesOnItAreMarked() {
        SymbolChartViewModel vm = vm();
        vm.start();
        vm.searchProperty().set("tq");
        assertEquals(List.of("TQQQ", "TQ"), List.copyOf(vm.suggestions()), "known symbols first, then the typed ticker itself");
        vm.showSearched();
        assertEquals("TQQQ", vm.symbolProperty().get());
        vm.runProperty().set(vm.runs().get(0));
        assertEquals(2, vm.dataProperty().get().markers().size(), "the SQQQ hedge is not on TQQQ's chart");
        assertEquals("2 trades of run #7 on TQQQ", vm.runNoteProperty().get());
        assertEquals("#7 rsi2 TQQQ 2026-01-02 … 2026-02-21", SymbolChartViewModel.describe(vm.runs().get(0)));
        vm.searchProperty().set("ZZZZ");
        vm.showSearched();
        assertTrue(vm.errorProperty().get().startsWith("No prices of ZZZZ in "), vm.errorProperty().get());
    }
}
