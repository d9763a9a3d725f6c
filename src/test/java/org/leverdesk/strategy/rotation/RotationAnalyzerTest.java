package org.leverdesk.strategy.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.MarketSnapshot;

class RotationAnalyzerTest {
    // core A; benchmarks SPY, QQQ; speculative C; asymmetric D, E (E has no data)
    private static final TickerGroups GROUPS = RotationFixtures.groups("A", "SPY,QQQ", "C", "D,E");
    private static final int N = 20;
    private static final BarSeries SPY = RotationFixtures.drifting("SPY", N, 0.001);
    private static final BarSeries QQQ = RotationFixtures.drifting("QQQ", N, 0.0005);
    private static final BarSeries A = RotationFixtures.drifting("A", N, 0.002);
    private static final BarSeries C = RotationFixtures.drifting("C", N, 0.003);
    private static final BarSeries D = RotationFixtures.drifting("D", N, 0.004);
    private static final LocalDate LAST = SPY.lastDate();

    private static RotationAnalysis analyze(int topN, BarSeries... series) {
        RotationConfig cfg = RotationFixtures.config(GROUPS, topN, RotationConfig.Selection.NAV, RotationConfig.Fallback.BUY_HOLD,
                ProfitTaker.OFF);
        return new RotationAnalyzer(cfg).analyze(RotationFixtures.snapshot(LAST, series), LAST);
    }

    /** Same ±1% noise on all: over 4 returns mean = mu and sample stdev = 0.01·sqrt(4/3), so Sharpe = mu / that · sqrt(252). */
    private static double sharpeOf(double mu) {
        return mu / (0.01 * Math.sqrt(4.0 / 3)) * Math.sqrt(252);
    }

    @Test
    void sleevesRankTheirUniverseByTrailingSharpe() {
        RotationAnalysis a = analyze(3, SPY, QQQ, A, C, D);
        List<RotationAnalysis.RankRow> asym = a.sleeves().get(Sleeve.ASYM).ranking();
        assertEquals(List.of("D", "C", "A", "SPY", "QQQ"), asym.stream().map(RotationAnalysis.RankRow::ticker).toList());
        assertEquals(sharpeOf(0.004), asym.get(0).sharpe(), 1e-6);
        assertEquals(sharpeOf(0.0005), asym.get(4).sharpe(), 1e-6);
        assertEquals(List.of("SPY", "QQQ"), a.sleeves().get(Sleeve.BUY_HOLD).ranking().stream()
                .map(RotationAnalysis.RankRow::ticker).toList());
    }

    @Test
    void topThreeGetEqualWeightsAndTheRestNone() {
        RotationAnalysis a = analyze(3, SPY, QQQ, A, C, D);
        assertEquals(Map.of("D", 1.0 / 3, "C", 1.0 / 3, "A", 1.0 / 3), a.sleeves().get(Sleeve.ASYM).weights());
        assertEquals(0.0, a.sleeves().get(Sleeve.ASYM).ranking().get(3).weight());
        // BUY_HOLD has only two tickers: equal weight among them
        assertEquals(Map.of("SPY", 0.5, "QQQ", 0.5), a.sleeves().get(Sleeve.BUY_HOLD).weights());
    }

    @Test
    void sleeveNavCompoundsTheHoldingsBetweenRebalances() {
        // window: today is bar 19; the first rebalance day at or after 19 - navDays(10) = 9 is bar 10; rebalances at 10 and 15
        RotationAnalysis a = analyze(3, SPY, QQQ, A, C, D);
        assertEquals(10, a.navDates().size());
        assertEquals(SPY.date(10), a.navDates().get(0));
        double first = 0.5 * SPY.adjClose(15) / SPY.adjClose(10) + 0.5 * QQQ.adjClose(15) / QQQ.adjClose(10);
        double second = 0.5 * SPY.adjClose(19) / SPY.adjClose(15) + 0.5 * QQQ.adjClose(19) / QQQ.adjClose(15);
        assertEquals(100_000 * first * second, a.sleeves().get(Sleeve.BUY_HOLD).lastNav(), 1e-6);
        // topN 1: ASYM holds D throughout, so its NAV is D's return from bar 10
        RotationAnalysis one = analyze(1, SPY, QQQ, A, C, D);
        assertEquals(100_000 * D.adjClose(19) / D.adjClose(10), one.sleeves().get(Sleeve.ASYM).lastNav(), 1e-6);
    }

    @Test
    void managerFollowsTheHighestNav() {
        RotationAnalysis a = analyze(1, SPY, QQQ, A, C, D);
        assertEquals(Sleeve.ASYM, a.chosen()); // D has the highest drift; only ASYM can hold it
        assertEquals(Map.of("D", 1.0), a.chosenWeights());
    }

    @Test
    void tickersWithoutDataOrHistoryAreSkippedWithAReason() {
        BarSeries young = RotationFixtures.drifting("C", LAST.minusDays(3), 4, 0.01); // Tue..Fri: 4 bars, the Sharpe ratio needs 5
        BarSeries stale = RotationFixtures.drifting("D", 15, 0.004);                  // last bar 5 trading days ago
        RotationAnalysis a = analyze(3, SPY, QQQ, A, young.between(young.firstDate(), LAST), stale);
        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        a.skipped().forEach(s -> reasons.put(s.ticker(), s.reason()));
        assertEquals("no price data (not imported)", reasons.get("E"));
        assertEquals("no bar for " + LAST + " (last " + stale.lastDate() + ")", reasons.get("D"));
        assertEquals("only " + young.between(young.firstDate(), LAST).size() + " bars; the 4-day Sharpe ratio needs 5", reasons.get("C"));
        assertEquals(List.of("C", "D", "E"), a.skipped().stream().map(RotationAnalysis.Skip::ticker).sorted().toList());
        // the skipped tickers never enter today's ranking
        assertEquals(List.of("A", "SPY", "QQQ"), a.sleeves().get(Sleeve.ASYM).ranking().stream()
                .map(RotationAnalysis.RankRow::ticker).toList());
    }

    @Test
    void staleClockIsAOneLineError() {
        MarketSnapshot m = RotationFixtures.snapshot(LAST, SPY);
        RotationConfig cfg = RotationFixtures.config(GROUPS, 3, RotationConfig.Selection.NAV, RotationConfig.Fallback.BUY_HOLD, ProfitTaker.OFF);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RotationAnalyzer(cfg).analyze(m, LAST.plusDays(1)));
        assertEquals("no SPY bar for " + LAST.plusDays(1) + " (last " + LAST + "); not rebalancing on stale data", e.getMessage());
    }

    /** D: +0.5%/day to bar 10, +5%/day to bar 15, then -4%/day (all with ±1% alternating noise). */
    private static BarSeries boomThenBust() {
        double[] closes = new double[N];
        closes[0] = 100;
        for (int k = 1; k < N; k++) {
            double mu = k <= 10 ? 0.005 : k <= 15 ? 0.05 : -0.04;
            closes[k] = closes[k - 1] * (1 + mu + (k % 2 == 0 ? 0.01 : -0.01));
        }
        return org.leverdesk.testing.Bars.flat("D", RotationFixtures.CAL, RotationFixtures.START, closes);
    }

    private static RotationAnalysis analyzeWith(RotationConfig.Selection selection, BarSeries d) {
        RotationConfig cfg = RotationFixtures.config(GROUPS, 1, selection, RotationConfig.Fallback.BUY_HOLD, ProfitTaker.OFF);
        return new RotationAnalyzer(cfg).analyze(RotationFixtures.snapshot(LAST, SPY, QQQ, A, d), LAST);
    }

    @Test
    void sleeveDrawdownAndMomentumComeFromItsNavPath() {
        BarSeries d = boomThenBust();
        RotationAnalysis.SleeveResult asym = analyzeWith(RotationConfig.Selection.NAV, d).sleeves().get(Sleeve.ASYM);
        // topN 1: ASYM holds D from bar 10 (re-chosen at 15), so its NAV is D's path; the peak is bar 15
        assertEquals(100_000 * d.close(19) / d.close(10), asym.lastNav(), 1e-6);
        assertEquals(1 - d.close(19) / d.close(15), asym.drawdown(), 1e-12);
        assertEquals(d.close(19) / d.close(14) - 1, asym.momentum(), 1e-12);
    }

    @Test
    void deepDrawdownOfTheBestNavSleeveMovesTheManagerToBuyHold() {
        RotationAnalysis a = analyzeWith(RotationConfig.Selection.NAV, boomThenBust());
        double asymNav = a.sleeves().get(Sleeve.ASYM).lastNav();
        assertTrue(a.sleeves().values().stream().allMatch(r -> r.lastNav() <= asymNav), "ASYM still has the highest NAV");
        assertTrue(a.sleeves().get(Sleeve.ASYM).drawdown() > 0.10);
        assertEquals(Sleeve.BUY_HOLD, a.chosen());
        assertTrue(a.why().contains("so the manager moves to BUY_HOLD"), a.why());
    }

    @Test
    void momentumSelectionAvoidsTheFallingSleeve() {
        RotationAnalysis a = analyzeWith(RotationConfig.Selection.MOMENTUM, boomThenBust());
        // ASYM's 5-day NAV change is about -19%; TACTICAL holds A (+0.2%/day), BUY_HOLD SPY (+0.1%/day)
        assertEquals(Sleeve.TACTICAL, a.chosen());
        assertTrue(a.why().startsWith("TACTICAL has the highest 5-day NAV momentum"), a.why());
    }
}
