package org.leverdesk.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.GateResult;
import org.leverdesk.strategy.regime.Regime;
import org.leverdesk.strategy.regime.RegimeConfig;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.MapMarketData;
import org.leverdesk.testing.WeekdayCalendar;

/**
 * The status and history read-models on generated prices: QQQ rising 0.1% a day (STRONG_BULL from
 * its 250th bar on, every gate passes) and TQQQ rising 0.3% a day, both from 2023-01-02 on weekdays.
 */
class RegimeInsightServiceTest {
    private static final WeekdayCalendar CAL = new WeekdayCalendar();
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final LocalDate START = LocalDate.parse("2023-01-02");
    private static final int N = 300;
    private static final BarSeries QQQ = Bars.flat("QQQ", CAL, START, geometric(100, 1.001, N));
    private static final BarSeries TQQQ = Bars.flat("TQQQ", CAL, START, geometric(50, 1.003, N));
    private static final MapMarketData DATA = new MapMarketData(Map.of("QQQ", QQQ, "TQQQ", TQQQ), false);

    private static double[] geometric(double first, double growth, int n) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = first * Math.pow(growth, i);
        }
        return c;
    }

    private static Clock at(LocalDate day, int hour) {
        return Clock.fixed(day.atTime(LocalTime.of(hour, 0)).atZone(NY).toInstant(), NY);
    }

    private static RegimeInsightService service(Clock clock, AccountSnapshot account) {
        return new RegimeInsightService(DATA, CAL, RegimeConfig.defaults(), clock, () -> account);
    }

    @Test
    void aFlatPaperAccountWouldBuySeventeenSharesWithEveryGatePassing() {
        LocalDate last = QQQ.lastDate();
        RegimeStatus s = service(at(last, 17), AccountSnapshot.paper()).status();
        // floor(10,000 x 0.30 x 0.70 / (50 x 1.003^299 = 122.45)) = 17
        assertEquals(last, s.dataDate());
        assertEquals(CAL.previousTradingDay(last), s.latestSession(), "prices must reach the session before today");
        assertFalse(s.stale());
        assertEquals(Regime.STRONG_BULL, s.raw());
        assertEquals(Regime.STRONG_BULL, s.confirmed());
        assertEquals(0, s.heldShares());
        assertEquals(17, s.targetShares());
        assertEquals("buy 17 TQQQ", s.order().text());
        assertEquals(16, s.gates().size());
        assertTrue(s.gates().stream().allMatch(GateResult::passed));
        assertEquals(1.0, s.signal("momentumScore"));
        assertTrue(Double.isNaN(s.signal("noSuchSignal")));
    }

    @Test
    void anAccountAlreadyAtTargetHasNoOrderAndAHeavierOneSells() {
        LocalDate last = QQQ.lastDate();
        double price = TQQQ.close(N - 1);
        RegimeStatus atTarget = service(at(last, 17), new AccountSnapshot("test", 10_000 - 17 * price, Map.of("TQQQ", 17L))).status();
        assertEquals("no order", atTarget.order().text());
        assertEquals(17, atTarget.heldShares());
        RegimeStatus heavy = service(at(last, 17), new AccountSnapshot("test", 10_000 - 19 * price, Map.of("TQQQ", 19L))).status();
        assertEquals("sell 2 TQQQ", heavy.order().text());
        assertEquals(17, heavy.targetShares());
    }

    @Test
    void pricesMustReachTheSessionBeforeTodayAsTheLiveRunRequires() {
        LocalDate last = QQQ.lastDate();
        LocalDate next = CAL.nextTradingDay(last);
        for (int hour : new int[] {10, 17}) {
            // during and after the next session, prices up to the session before are what a run decides on
            RegimeStatus s = service(at(next, hour), AccountSnapshot.paper()).status();
            assertEquals(last, s.dataDate());
            assertEquals(last, s.latestSession());
            assertFalse(s.stale(), "at " + hour + ":00");
        }
        RegimeStatus dayAfter = service(at(CAL.nextTradingDay(next), 10), AccountSnapshot.paper()).status();
        assertEquals(next, dayAfter.latestSession());
        assertTrue(dayAfter.stale());
        assertEquals(next, org.leverdesk.market.calendar.PriceFreshness.lastNeededSession(CAL, CAL.nextTradingDay(next), 0));
        assertEquals(last, org.leverdesk.market.calendar.PriceFreshness.lastNeededSession(CAL, CAL.nextTradingDay(next), 1));
    }

    @Test
    void staleDataFailsTheDataFreshGateAndOrdersNothingSoTheStatusNeverSaysStaleAndFresh() {
        LocalDate last = QQQ.lastDate();
        LocalDate next = CAL.nextTradingDay(last);
        RegimeStatus stale = service(at(CAL.nextTradingDay(next), 10), AccountSnapshot.paper()).status();
        assertTrue(stale.stale());
        GateResult fresh = stale.gates().stream().filter(g -> g.name().equals("data fresh")).findFirst().orElseThrow();
        assertFalse(fresh.passed(), fresh.reason());
        assertTrue(fresh.inputs().contains("session " + next), fresh.inputs());
        assertEquals("no order", stale.order().text(), "no order on stale data, as the live path refuses one");
        assertTrue(stale.decision().explanation().summary().contains("stale"), stale.decision().explanation().summary());
        assertEquals(15, stale.gates().stream().filter(GateResult::passed).count());
        // a day earlier the same prices are fresh, and every gate passes
        RegimeStatus current = service(at(next, 10), AccountSnapshot.paper()).status();
        assertFalse(current.stale());
        assertTrue(current.gates().stream().allMatch(GateResult::passed));
        assertEquals("buy 17 TQQQ", current.order().text());
    }

    @Test
    void theStatusOfAnEarlierDayUsesOnlyBarsUpToIt() {
        LocalDate day = QQQ.date(260);
        RegimeStatus s = service(at(day, 17), AccountSnapshot.paper()).status();
        assertEquals(day, s.dataDate());
        assertEquals(QQQ.close(260), s.signal("close"), 1e-9);
    }

    @Test
    void withoutPricesTheErrorSaysWhatToImport() {
        RegimeInsightService s = service(at(START.minusDays(5), 17), AccountSnapshot.paper());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::status);
        assertTrue(e.getMessage().startsWith("no TQQQ bars on or before 2022-12-28"), e.getMessage());
        assertTrue(e.getMessage().endsWith("import TQQQ prices first"), e.getMessage());
    }

    @Test
    void historyHasSmasRegimesBacktestPositionsAndEachDaysDecision() {
        RegimeHistory h = service(at(QQQ.lastDate(), 17), AccountSnapshot.paper())
                .history(START, QQQ.lastDate(), 10_000, ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(N, h.size());
        assertTrue(Double.isNaN(h.fastSma()[48]));
        assertEquals(mean(QQQ, 0, 50), h.fastSma()[49], 1e-9);
        assertTrue(Double.isNaN(h.slowSma()[248]));
        assertEquals(mean(QQQ, 0, 250), h.slowSma()[249], 1e-9);
        assertNull(h.confirmed()[248]);
        assertEquals(Regime.CAUTIOUS, h.confirmed()[249]); // cold start
        assertEquals(Regime.CAUTIOUS, h.confirmed()[250]); // held through the next day
        assertEquals(Regime.STRONG_BULL, h.confirmed()[251]);
        assertEquals(0, h.position()[248]);
        // days 249-250: confirmed CAUTIOUS while raw is STRONG_BULL, so the "regime confirmed" gate blocks the buy
        Decision d = h.decisionOn(QQQ.date(249));
        assertEquals(QQQ.date(249), d.date());
        assertEquals(16, d.explanation().gates().size());
        assertEquals(java.util.List.of("regime confirmed"),
                d.explanation().gates().stream().filter(g -> !g.passed()).map(GateResult::name).toList());
        assertEquals(0, h.position()[250]);
        // day 251, STRONG_BULL: floor(3,000 x 0.70 / (50 x 1.003^251 = 106.05)) = floor(19.80) = 19 bought at the close
        assertEquals(19, h.position()[251]);
        assertTrue(h.decisions()[251].rebalance());
        assertEquals(2, h.spans().size());
        assertEquals(new RegimeHistory.Span(249, 250, Regime.CAUTIOUS), h.spans().get(0));
        assertEquals(new RegimeHistory.Span(251, N - 1, Regime.STRONG_BULL), h.spans().get(1));
    }

    @Test
    void historyBeforeTheTradedSymbolStartsHasRegimesButNoPositions() {
        BarSeries lateTqqq = TQQQ.between(QQQ.date(270), QQQ.lastDate());
        RegimeInsightService s = new RegimeInsightService(new MapMarketData(Map.of("QQQ", QQQ, "TQQQ", lateTqqq), true), CAL,
                RegimeConfig.defaults(), at(QQQ.lastDate(), 17));
        RegimeHistory h = s.history(QQQ.date(200), QQQ.lastDate(), 10_000, ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(100, h.size());
        assertNull(h.decisions()[69]);
        assertEquals(0, h.position()[69]);
        assertEquals(QQQ.date(270), h.decisions()[70].date());
        assertNull(h.decisionOn(QQQ.date(269)));
        assertEquals(QQQ.date(275), h.decisionOn(QQQ.date(275)).date());
    }

    private static double mean(BarSeries s, int from, int count) {
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += s.close(i);
        }
        return sum / count;
    }
}
