package org.leverdesk.ui.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.insight.AccountSnapshot;
import org.leverdesk.insight.RotationInsightService;
import org.leverdesk.strategy.rotation.ProfitTaker;
import org.leverdesk.strategy.rotation.RotationConfig;
import org.leverdesk.strategy.rotation.Sleeve;
import org.leverdesk.strategy.rotation.TickerGroups;
import org.leverdesk.testing.MapMarketData;
import org.leverdesk.testing.WeekdayCalendar;
import org.leverdesk.ui.TestTaskExecutor;

/**
 * The Rotation view's state on hand-made bars: 21 weekdays from 2024-01-01 with the same ±1% noise
 * and drifts D 0.4% > C 0.3% > A 0.2% > SPY 0.1% > QQQ 0.05% a day; E has no data.
 */
class RotationViewModelTest {
    private static final WeekdayCalendar CAL = new WeekdayCalendar();
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final int N = 21;
    private static final TickerGroups GROUPS = new TickerGroups(List.of("A"), List.of("SPY", "QQQ"), List.of("C"), List.of("D", "E"));
    private static final RotationConfig CONFIG = new RotationConfig(GROUPS, "SPY", 100_000, 4, 1, 10, RotationConfig.Selection.NAV,
            5, 5, 0.10, RotationConfig.Fallback.BUY_HOLD, 1.0, 0.02, 0.0, ProfitTaker.OFF);
    private final TestTaskExecutor executor = new TestTaskExecutor();

    private static BarSeries drifting(String symbol, double mu) {
        List<Bar> bars = new ArrayList<>();
        LocalDate d = LocalDate.parse("2024-01-01");
        double c = 100;
        for (int k = 0; k < N; k++) {
            if (k > 0) {
                c *= 1 + mu + (k % 2 == 0 ? 0.01 : -0.01);
            }
            bars.add(new Bar(d, c, c, c, c, 1000, c));
            d = CAL.nextTradingDay(d);
        }
        return BarSeries.of(symbol, bars);
    }

    private static final BarSeries SPY = drifting("SPY", 0.001);
    private static final Map<String, BarSeries> BARS = Map.of("SPY", SPY, "QQQ", drifting("QQQ", 0.0005), "A", drifting("A", 0.002),
            "C", drifting("C", 0.003), "D", drifting("D", 0.004));

    private RotationViewModel viewModel(Map<String, BarSeries> bars, AccountSnapshot account) {
        Clock clock = Clock.fixed(SPY.lastDate().atTime(LocalTime.of(17, 0)).atZone(NY).toInstant(), NY);
        return new RotationViewModel(new RotationInsightService(new MapMarketData(bars, true), CONFIG, clock, () -> account), executor);
    }

    @Test
    void showsTheSleevesNavCurvesRankingsAndTheChoice() {
        RotationViewModel vm = viewModel(BARS, AccountSnapshot.paper());
        vm.refresh();
        assertFalse(vm.loadingProperty().get());
        assertEquals("", vm.errorMessageProperty().get());
        assertEquals("DEMO — simulated prices · data date " + SPY.lastDate(), vm.dataTextProperty().get());
        assertEquals(List.of("BUY_HOLD", "TACTICAL", "SPEC", "ASYM"), vm.navSeriesProperty().get().stream().map(s -> s.name()).toList());
        // bar 20 is a rebalance day; the window starts at bar 10: 11 NAV points, the first at the virtual capital
        assertEquals(11, vm.navSeriesProperty().get().get(0).size());
        assertEquals(100_000, vm.navSeriesProperty().get().get(3).y()[0], 1e-9);
        assertEquals("ASYM", vm.chosenTextProperty().get());
        assertTrue(vm.whyTextProperty().get().startsWith("ASYM has the highest NAV"), vm.whyTextProperty().get());
        assertEquals("the data date is a rebalance day (every 5 trading days)", vm.scheduleTextProperty().get());
        assertEquals(List.of("D", "C", "A", "SPY", "QQQ"), vm.ranking(Sleeve.ASYM).stream().map(RankingRow::ticker).toList());
        assertEquals("100.0%", vm.ranking(Sleeve.ASYM).get(0).weight());
        assertEquals("—", vm.ranking(Sleeve.ASYM).get(1).weight());
        assertTrue(vm.sleeveTitleProperty(Sleeve.ASYM).get().startsWith("ASYM $"), vm.sleeveTitleProperty(Sleeve.ASYM).get());
        assertEquals(List.of("E — no price data (not imported)"), vm.skipped());
    }

    @Test
    void plannedTargetsShowTheDeltasAgainstThePaperAccount() {
        double lastD = BARS.get("D").close(N - 1);
        double lastA = BARS.get("A").close(N - 1);
        // holds 10 A (sold: not in the chosen sleeve) and cash; the sleeve wants all equity in D
        AccountSnapshot account = new AccountSnapshot("test account", 5_000, Map.of("A", 10L));
        RotationViewModel vm = viewModel(BARS, account);
        vm.refresh();
        double equity = 5_000 + 10 * lastA;
        long wantD = (long) Math.floor(equity / lastD);
        assertEquals(List.of(new PlanRow("D", "100.0%", "0", Long.toString(wantD), "BUY " + wantD, org.leverdesk.ui.common.Formats.price(lastD), ""),
                new PlanRow("A", "0.0%", "10", "0", "SELL 10", org.leverdesk.ui.common.Formats.price(lastA), "")), vm.plan());
        assertTrue(vm.plan().get(0).price().startsWith("$"), "the close in dollars: " + vm.plan().get(0).price());
        assertEquals(String.format(java.util.Locale.ROOT, "test account · equity $%,.2f", equity), vm.accountTextProperty().get());
    }

    @Test
    void missingClockSymbolIsAOneLineError() {
        RotationViewModel vm = viewModel(Map.of("QQQ", BARS.get("QQQ")), AccountSnapshot.paper());
        vm.refresh();
        assertEquals("Cannot compute the rotation: no SPY bars on or before " + SPY.lastDate()
                + " in DEMO — simulated prices; import SPY prices first", vm.errorMessageProperty().get());
        assertFalse(vm.loadingProperty().get());
    }
}
