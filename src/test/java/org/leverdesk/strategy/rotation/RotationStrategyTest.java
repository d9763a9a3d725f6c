package org.leverdesk.strategy.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestEngine;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.GateResult;
import org.leverdesk.domain.Side;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.testing.Bars;

class RotationStrategyTest {
    private static final BacktestEngine ENGINE = new BacktestEngine(RotationFixtures.CAL, new MetricsCalculator());

    private static BacktestResult backtest(RotationStrategy s, double capital, BarSeries... series) {
        Map<String, BarSeries> data = new HashMap<>();
        for (BarSeries b : series) {
            data.put(b.symbol(), b);
        }
        BarSeries clock = data.get("SPY");
        BacktestConfig cfg = new BacktestConfig(clock.firstDate(), clock.lastDate(), capital, CostModel.FREE, false, null, true);
        return ENGINE.run(s, data, "SPY", cfg, "test", ProgressListener.NONE, CancellationToken.NONE);
    }

    @Test
    void rebalancesOnlyEveryCooldownDaysAndFillsAtTheNextOpen() {
        TickerGroups groups = RotationFixtures.groups("A", "SPY,QQQ", "C", "D,OKLO");
        RotationStrategy s = new RotationStrategy(RotationFixtures.config(groups, 3, RotationConfig.Selection.NAV,
                RotationConfig.Fallback.BUY_HOLD, ProfitTaker.OFF));
        BacktestResult r = backtest(s, 100_000, RotationFixtures.drifting("SPY", 22, 0.001), RotationFixtures.drifting("QQQ", 22, 0.0005),
                RotationFixtures.drifting("A", 22, 0.002), RotationFixtures.drifting("C", 22, -0.003), RotationFixtures.drifting("D", 22, 0.004));
        List<Integer> rebalanceBars = new ArrayList<>();
        for (int i = 0; i < r.decisions().size(); i++) {
            Decision d = r.decisions().get(i);
            if (d.rebalance()) {
                rebalanceBars.add(i);
            } else {
                assertTrue(d.explanation().summary().startsWith("cooldown: next rebalance in " + (5 - i % 5) + " trading day(s)"),
                        d.explanation().summary());
            }
        }
        assertEquals(List.of(0, 5, 10, 15, 20), rebalanceBars);
        List<LocalDate> fillDays = r.fills().stream().map(Fill::date).distinct().toList();
        List<LocalDate> expected = List.of(r.decisions().get(6).date(), r.decisions().get(11).date(), r.decisions().get(16).date(),
                r.decisions().get(21).date());
        assertTrue(expected.containsAll(fillDays), fillDays + " outside " + expected);
        // bar 5 (first day with 5 bars): NAVs all 100k, BUY_HOLD wins the tie, holds SPY and QQQ; OKLO is skipped visibly
        Decision first = r.decisions().get(5);
        assertTrue(first.explanation().gates().contains(GateResult.fail("data OKLO", "OKLO", "skipped: no price data (not imported)")));
        Fill spy = r.fills().stream().filter(f -> f.symbol().equals("SPY")).findFirst().orElseThrow();
        assertEquals(Side.BUY, spy.side());
        assertEquals(r.decisions().get(6).date(), spy.date());
    }

    @Test
    void trailingStopArmsAboveActivationAndFillsAtTheStop() {
        RotationStrategy s = new RotationStrategy(RotationFixtures.config(RotationFixtures.groups("", "SPY", "", ""), 1,
                RotationConfig.Selection.NAV, RotationConfig.Fallback.BUY_HOLD, ProfitTaker.MODERATE));
        BacktestResult r = backtest(s, 10_000, spyRallyThen(115, 115, 110, 111));
        // bought floor(10000 / 106) = 94 at bar 6's open 106; by bar 8 the high 116 >= 106 x 1.05, stop 116 x 0.97
        Fill buy = r.fills().get(0);
        assertEquals(94, buy.quantity());
        assertEquals(106.0, buy.price(), 1e-12);
        Fill stop = r.fills().get(1);
        assertEquals(LocalDate.parse("2024-01-12"), stop.date()); // bar 9
        assertEquals(Side.SELL, stop.side());
        assertEquals(116 * 0.97, stop.price(), 1e-9);
        assertEquals(94, stop.quantity());
    }

    @Test
    void trailingStopGappedThroughFillsAtTheOpen() {
        RotationStrategy s = new RotationStrategy(RotationFixtures.config(RotationFixtures.groups("", "SPY", "", ""), 1,
                RotationConfig.Selection.NAV, RotationConfig.Fallback.BUY_HOLD, ProfitTaker.MODERATE));
        BacktestResult r = backtest(s, 10_000, spyRallyThen(108, 109, 105, 107));
        assertEquals(108.0, r.fills().get(1).price(), 1e-12);
    }

    @Test
    void profitTakerOffLeavesNoStops() {
        RotationStrategy s = new RotationStrategy(RotationFixtures.config(RotationFixtures.groups("", "SPY", "", ""), 1,
                RotationConfig.Selection.NAV, RotationConfig.Fallback.BUY_HOLD, ProfitTaker.OFF));
        BacktestResult r = backtest(s, 10_000, spyRallyThen(115, 115, 110, 111));
        assertEquals(1, r.fills().size());
        assertFalse(r.decisions().stream().flatMap(d -> d.targets().stream()).anyMatch(t -> t.hasStop()));
    }

    /** Bars 0..5 alternate +2%/0 to 106 (Sharpe defined), bars 6..8 rally to 116, bar 9 is {@code o,h,l,c}. */
    private static BarSeries spyRallyThen(double o, double h, double l, double c) {
        return Bars.ohlc("SPY",
                new Object[] {"2024-01-01", 100, 100, 100, 100}, new Object[] {"2024-01-02", 102, 102, 102, 102},
                new Object[] {"2024-01-03", 102, 102, 102, 102}, new Object[] {"2024-01-04", 104, 104, 104, 104},
                new Object[] {"2024-01-05", 104, 104, 104, 104}, new Object[] {"2024-01-08", 106, 106, 106, 106},
                new Object[] {"2024-01-09", 106, 109, 106, 109}, new Object[] {"2024-01-10", 109, 112.5, 109, 112.5},
                new Object[] {"2024-01-11", 112.5, 116, 112.5, 116}, new Object[] {"2024-01-12", o, h, l, c});
    }

    @Test
    void presetsDocumentActivationAndTrail() {
        assertEquals(Double.NaN, ProfitTaker.MODERATE.stop(100, 104.99));
        assertEquals(105 * 0.97, ProfitTaker.MODERATE.stop(100, 105), 1e-12);
        assertEquals(103 * 0.98, ProfitTaker.CONSERVATIVE.stop(100, 103), 1e-12);
        assertEquals(Double.NaN, ProfitTaker.AGGRESSIVE.stop(100, 107.9));
        assertEquals(Double.NaN, ProfitTaker.OFF.stop(100, 200));
    }

    @Test
    void badSettingsAreOneLineErrors() {
        assertEquals("tolerance must be a fraction from 0 to 0.5, e.g. 0.02 for 2% (got 2.0)", error(Map.of("tolerance", "2")));
        assertEquals("selection must be one of [nav, momentum] (got 'best')", error(Map.of("selection", "best")));
        assertEquals("cooldownDays must be a whole number of days or tickers (got 2.5)", error(Map.of("cooldownDays", "2.5")));
        assertEquals("core tickers must be symbols like GLD separated by commas (got 'GL$D')", error(Map.of("core", "GLD,GL$D")));
        assertEquals("benchmarks tickers must list at least one symbol, e.g. SPY,QQQ", error(Map.of("benchmarks", " ")));
        assertEquals("maxDrawdown must be a fraction between 0 and 1, e.g. 0.10 for 10% (got 10.0)", error(Map.of("maxDrawdown", "10")));
        assertEquals("profitTaker must be one of [off, conservative, moderate, aggressive] (got 'wild')", error(Map.of("profitTaker", "wild")));
    }

    private static String error(Map<String, String> params) {
        return assertThrows(IllegalArgumentException.class, () -> RotationConfig.parse("SPY", params)).getMessage();
    }

    @Test
    void catalogBuildsTheRotationFromTextParameters() {
        RotationStrategy s = (RotationStrategy) StrategyCatalog.builtIn().require("rotation").factory()
                .create("SPY", Map.of("selection", "momentum", "fallback", "cash", "profitTaker", "aggressive", "core", "gld, jef"));
        assertEquals(RotationConfig.Selection.MOMENTUM, s.config().selection());
        assertEquals(RotationConfig.Fallback.CASH, s.config().fallback());
        assertEquals(ProfitTaker.AGGRESSIVE, s.config().profitTaker());
        assertEquals(List.of("GLD", "JEF"), s.config().groups().core());
        assertEquals(java.util.Set.of("SPY"), s.symbols());
        assertTrue(s.optionalSymbols().containsAll(List.of("GLD", "JEF", "QQQ", "NVDA", "OKLO", "SOFI")));
    }
}
