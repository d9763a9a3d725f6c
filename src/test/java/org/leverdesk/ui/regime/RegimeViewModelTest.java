package org.leverdesk.ui.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.insight.AccountSnapshot;
import org.leverdesk.insight.RegimeInsightService;
import org.leverdesk.strategy.regime.Regime;
import org.leverdesk.strategy.regime.RegimeConfig;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.MapMarketData;
import org.leverdesk.testing.WeekdayCalendar;
import org.leverdesk.ui.TestTaskExecutor;
import org.leverdesk.ui.chart.ChartBand;
import org.leverdesk.ui.chart.ChartSeries;

/**
 * The Regime view's state on generated prices (QQQ +0.1% a day, TQQQ +0.3% a day, 300 weekdays from
 * 2023-01-02): confirmed CAUTIOUS on days 249-250 (cold start, held), STRONG_BULL from day 251.
 */
class RegimeViewModelTest {
    private static final WeekdayCalendar CAL = new WeekdayCalendar();
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final int N = 300;
    private static final BarSeries QQQ = Bars.flat("QQQ", CAL, LocalDate.parse("2023-01-02"), geometric(100, 1.001));
    private static final BarSeries TQQQ = Bars.flat("TQQQ", CAL, LocalDate.parse("2023-01-02"), geometric(50, 1.003));

    private static double[] geometric(double first, double growth) {
        double[] c = new double[N];
        for (int i = 0; i < N; i++) {
            c[i] = first * Math.pow(growth, i);
        }
        return c;
    }

    private final TestTaskExecutor executor = new TestTaskExecutor();

    private RegimeViewModel viewModel(Map<String, BarSeries> bars, boolean demo, LocalDate today) {
        Clock clock = Clock.fixed(today.atTime(LocalTime.of(17, 0)).atZone(NY).toInstant(), NY);
        return new RegimeViewModel(new RegimeInsightService(new MapMarketData(bars, demo), CAL, RegimeConfig.defaults(), clock,
                AccountSnapshot::paper), executor);
    }

    private RegimeViewModel loaded() {
        RegimeViewModel vm = viewModel(Map.of("QQQ", QQQ, "TQQQ", TQQQ), true, QQQ.lastDate());
        vm.refresh();
        return vm;
    }

    @Test
    void todaysPanelShowsTheRegimeSignalsEveryGateAndTheWhatIfOrder() {
        RegimeViewModel vm = loaded();
        assertEquals(Regime.STRONG_BULL, vm.regimeProperty().get());
        assertEquals("STRONG BULL", vm.regimeTextProperty().get());
        assertEquals("today STRONG BULL · " + QQQ.lastDate(), vm.regimeDetailProperty().get());
        assertEquals("DEMO — simulated prices · data date " + QQQ.lastDate(), vm.dataTextProperty().get());
        assertEquals(1.0, vm.momentumProperty().get());
        assertEquals(0.0, vm.volatilityProperty().get(), 1e-9);
        assertEquals("LOW", vm.volBandProperty().get());
        assertEquals(16, vm.gates().size());
        assertTrue(vm.gates().stream().allMatch(GateRow::passed));
        assertEquals("✓", vm.gates().get(0).mark());
        assertEquals("16 of 16 gates pass", vm.gateSummaryProperty().get());
        // floor(10,000 x 0.30 x 0.70 / 122.45) = 17
        assertEquals("if run now: buy 17 TQQQ", vm.orderTextProperty().get());
        assertEquals("buy 17 TQQQ", vm.orderProperty().get());
        assertEquals("target 17 TQQQ · held 0 · flat $10,000 paper account", vm.positionTextProperty().get());
        assertFalse(vm.loadingProperty().get());
        assertEquals("", vm.errorMessageProperty().get());
    }

    @Test
    void theChartHasCloseAndBothSmasFromTheirFirstValueThePositionAndOneBandPerRegimeRun() {
        RegimeViewModel vm = loaded();
        List<ChartSeries> price = vm.priceSeriesProperty().get();
        assertEquals(List.of("QQQ close", "QQQ SMA-50", "QQQ SMA-250"), price.stream().map(ChartSeries::name).toList());
        assertEquals(N, price.get(0).size());
        assertEquals(N - 49, price.get(1).size());
        assertEquals(N - 249, price.get(2).size());
        assertEquals(ChartSeries.epochSeconds(QQQ.date(249)), price.get(2).x()[0]);
        ChartSeries position = vm.positionSeriesProperty().get().get(0);
        assertEquals("TQQQ % of equity (backtest)", position.name());
        assertEquals(0.0, position.y()[250]);
        // floor(2,100 / 106.05) = 19 shares bought at day 251's close, out of $10,000 (no costs)
        // (equity is the exact ledger's: the fill at four decimals moves it by a fraction of a cent)
        assertEquals(19 * TQQQ.close(251) / 10_000 * 100, position.y()[251], 1e-6);
        List<ChartBand> bands = vm.bandsProperty().get();
        assertEquals(2, bands.size());
        assertEquals(new ChartBand(ChartSeries.epochSeconds(QQQ.date(249)), ChartSeries.epochSeconds(QQQ.date(251)),
                RegimeColors.band(Regime.CAUTIOUS)), bands.get(0));
        assertEquals(ChartSeries.epochSeconds(QQQ.lastDate()) + 86_400, bands.get(1).toX());
    }

    @Test
    void clickingADayShowsThatDaysDecisionWithItsGatesAndSignals() {
        RegimeViewModel vm = loaded();
        assertTrue(vm.dayTitleProperty().get().startsWith(QQQ.lastDate() + " · if run now · STRONG BULL"),
                "the last day is selected first: " + vm.dayTitleProperty().get());
        vm.selectDay(QQQ.date(249));
        assertEquals(QQQ.date(249) + " · backtest · CAUTIOUS · held 0 TQQQ of a $10,000 backtest account", vm.dayTitleProperty().get());
        assertEquals(16, vm.dayGates().size());
        assertEquals(List.of("regime confirmed"), vm.dayGates().stream().filter(g -> !g.passed()).map(GateRow::name).toList());
        assertTrue(vm.daySummaryProperty().get().startsWith("buy of 7 TQQQ blocked by: regime confirmed; "), vm.daySummaryProperty().get());
        assertEquals(new SignalRow("Target shares", "7"), vm.daySignals().stream().filter(r -> r.name().equals("Target shares"))
                .findFirst().orElseThrow());
        vm.selectDay(QQQ.date(10));
        assertEquals(QQQ.date(10) + " · backtest · no regime · held 0 TQQQ of a $10,000 backtest account", vm.dayTitleProperty().get());
        vm.selectDay(QQQ.date(0).minusDays(3));
        assertEquals(QQQ.date(0).minusDays(3) + ": no decision (the backtest had not started)", vm.dayTitleProperty().get());
        assertTrue(vm.dayGates().isEmpty());
    }

    @Test
    void theDataDateHasOneSizeTheWhatIfsAndTheBacktestsOwnSizesAreOnlyShownForEarlierDays() {
        Clock clock = Clock.fixed(QQQ.lastDate().atTime(LocalTime.of(17, 0)).atZone(NY).toInstant(), NY);
        AccountSnapshot account = new AccountSnapshot("$30,000 paper account", 30_000, Map.of());
        RegimeViewModel vm = new RegimeViewModel(new RegimeInsightService(new MapMarketData(Map.of("QQQ", QQQ, "TQQQ", TQQQ), true),
                CAL, RegimeConfig.defaults(), clock, () -> account), executor);
        vm.refresh();
        int last = N - 1;
        // the backtest behind the chart starts with $10,000 and holds its own size that day...
        assertTrue(vm.historyProperty().get().position()[last] < 30, "backtest holding " + vm.historyProperty().get().position()[last]);
        // ...but the day's panel shows the what-if sized against the account, as the panel above: floor(30,000 x 0.21 / 122.45) = 51
        String title = vm.dayTitleProperty().get();
        assertEquals(QQQ.lastDate() + " · if run now · STRONG BULL · target 51 TQQQ, held 0 · $30,000 paper account", title);
        assertEquals("target 51 TQQQ · held 0 · $30,000 paper account", vm.positionTextProperty().get());
        assertEquals(vm.decisionSummaryProperty().get(), vm.daySummaryProperty().get(), "the day's decision is the what-if itself");
        assertEquals(new SignalRow("Target shares", "51"), vm.daySignals().stream().filter(r -> r.name().equals("Target shares"))
                .findFirst().orElseThrow());
        vm.selectDay(QQQ.date(last - 1));
        assertTrue(vm.dayTitleProperty().get().contains(" · backtest · "), vm.dayTitleProperty().get());
        vm.selectDay(QQQ.lastDate().plusDays(3));
        assertEquals(title, vm.dayTitleProperty().get(), "a click right of the last bar is the data date too");
    }

    @Test
    void theWhatIfAndTheDayAreSizedFromTheAccountItHoldsAndItsSignalsAreInATradersWords() {
        // the account as the paper run left it: 492 TQQQ held (the what-if once showed a flat $10,000 account, held 0)
        Clock clock = Clock.fixed(QQQ.lastDate().atTime(LocalTime.of(17, 0)).atZone(NY).toInstant(), NY);
        AccountSnapshot account = new AccountSnapshot("regime's 50% of the paper account", 20_000, Map.of("TQQQ", 492L));
        RegimeViewModel vm = new RegimeViewModel(new RegimeInsightService(new MapMarketData(Map.of("QQQ", QQQ, "TQQQ", TQQQ), true),
                CAL, RegimeConfig.defaults(), clock, () -> account), executor);
        vm.refresh();
        assertTrue(vm.positionTextProperty().get().contains("held 492 · regime's 50% of the paper account"), vm.positionTextProperty().get());
        assertTrue(vm.dayTitleProperty().get().contains("held 492 · regime's 50% of the paper account"), vm.dayTitleProperty().get());
        List<String> names = vm.daySignals().stream().map(SignalRow::name).toList();
        assertTrue(names.stream().noneMatch(n -> n.matches("[a-z]+[A-Z].*")), "code words among the signals: " + names);
        SignalRow close = vm.daySignals().stream().filter(r -> r.name().equals("Signal close")).findFirst().orElseThrow();
        assertEquals(org.leverdesk.ui.common.Formats.price(QQQ.close(N - 1)), close.value());
        assertTrue(close.value().matches("\\$[0-9,]+\\.[0-9]{2}"), close.value());
        SignalRow held = vm.daySignals().stream().filter(r -> r.name().equals("Shares held")).findFirst().orElseThrow();
        assertEquals("492", held.value());
    }

    @Test
    void staleDataIsSaidOnceTheHeaderTheGateListAndTheWhatIfAgree() {
        LocalDate next = CAL.nextTradingDay(QQQ.lastDate()); // the day after it, prices must reach it but end before
        RegimeViewModel vm = viewModel(Map.of("QQQ", QQQ, "TQQQ", TQQQ), false, CAL.nextTradingDay(next));
        vm.refresh();
        assertEquals("test bars · data date " + QQQ.lastDate() + " · stale: the latest completed session is " + next,
                vm.dataTextProperty().get());
        GateRow fresh = vm.gates().stream().filter(g -> g.name().equals("data fresh")).findFirst().orElseThrow();
        assertFalse(fresh.passed(), "a stale header above a passing data-fresh gate was the contradiction");
        assertEquals("15 of 16 gates pass", vm.gateSummaryProperty().get());
        assertEquals("no order", vm.orderProperty().get());
        assertTrue(vm.decisionSummaryProperty().get().contains("stale"), vm.decisionSummaryProperty().get());
    }

    @Test
    void loadingIsShownUntilTheHistoryArrivesAndAStaleRefreshIsIgnored() {
        executor.hold();
        RegimeViewModel vm = viewModel(Map.of("QQQ", QQQ, "TQQQ", TQQQ), false, QQQ.lastDate());
        vm.refresh();
        assertTrue(vm.loadingProperty().get());
        vm.refresh();
        assertEquals(2, executor.pendingCount());
        executor.runNext(); // the first refresh's status: superseded, not shown
        assertNull(vm.regimeProperty().get());
        executor.runPending();
        assertEquals(Regime.STRONG_BULL, vm.regimeProperty().get());
        assertFalse(vm.loadingProperty().get());
        assertEquals("test bars · data date " + QQQ.lastDate(), vm.dataTextProperty().get());
    }

    @Test
    void withoutPricesTheErrorSaysWhatToImport() {
        RegimeViewModel vm = viewModel(Map.of("QQQ", QQQ, "TQQQ", TQQQ), false, LocalDate.parse("2022-12-28"));
        vm.refresh();
        assertEquals("Cannot compute the regime: no TQQQ bars on or before 2022-12-28 in test bars; import TQQQ prices first",
                vm.errorMessageProperty().get());
        assertFalse(vm.loadingProperty().get());
    }
}
