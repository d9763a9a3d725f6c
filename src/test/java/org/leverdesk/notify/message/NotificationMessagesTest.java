package org.leverdesk.notify.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.GateResult;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.Target;
import org.leverdesk.notify.Notification;
import org.leverdesk.notify.NotificationKind;

/** The texts users read, with every number worked out by hand. */
class NotificationMessagesTest {
    /** 2026-11-20 is after the DST change (1 Nov), so New York is UTC-5: 20:50Z = 15:50 ET. */
    static final Instant CLOSE_RUN = Instant.parse("2026-11-20T20:50:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aRunWithOrdersShowsDecisionGatesTargetsAndOrders() {
        Map<String, Double> signals = new LinkedHashMap<>();
        signals.put("smaSlow", 412.34567);
        signals.put("realizedVol", 17.5);
        signals.put("targetShares", 1200.0);
        Decision decision = new Decision(DAY, "tqqq-regime", true,
                List.of(new Target("TQQQ", 120, 55.1), new Target("QQQ", 0)),
                new Explanation("SMA200 rising and VIX below 20", signals,
                        List.of(GateResult.pass("trend", "close 500 > sma 412", "uptrend"),
                                GateResult.fail("vol", "VIX 31.2", "VIX above 30")), "RISK_ON"));
        List<OrderLine> orders = List.of(
                new OrderLine("tqqq-regime-20261120-1", "TQQQ", Side.BUY, bd("120"), OrderType.LIMIT, bd("61.25"), null),
                new OrderLine("tqqq-regime-20261120-2", "QQQ", Side.SELL, bd("10.000"), OrderType.MARKET_ON_CLOSE, null, null));

        Notification n = NotificationMessages.run(new RunReport("close", CLOSE_RUN, decision, orders, List.of()));

        assertEquals(NotificationKind.ORDERS, n.kind());
        assertEquals("tqqq-regime", n.strategyId());
        assertEquals("tqqq-regime: 2 orders", n.title());
        assertEquals("""
                Run close at 2026-11-20 15:50 ET for 2026-11-20
                Decision: rebalance - SMA200 rising and VIX below 20
                Regime: RISK_ON
                Signals: Slow SMA $412.35, Realized volatility 17.5%, Target shares 1,200
                Gates: 1 of 2 passed
                  failed vol: VIX above 30
                Targets: TQQQ 120 (stop $55.10), QQQ 0
                Orders:
                  BUY 120 TQQQ limit $61.25 [tqqq-regime-20261120-1]
                  SELL 10 QQQ market on close [tqqq-regime-20261120-2]""", n.body());
        assertEquals(CLOSE_RUN, n.time());
    }

    @Test
    void aHoldIsADecisionWithoutOrders() {
        Decision hold = Decision.hold(DAY, "dca-weekly", "not the last trading day of the month");

        Notification n = NotificationMessages.run(new RunReport("close", CLOSE_RUN, hold, List.of(), List.of()));

        assertEquals(NotificationKind.DECISION, n.kind());
        assertEquals("dca-weekly: hold", n.title());
        assertEquals("Run close at 2026-11-20 15:50 ET for 2026-11-20\nDecision: hold - not the last trading day of the month", n.body());
    }

    @Test
    void oneOrderIsNamedInTheTitleAndDenialsAreListed() {
        Decision decision = new Decision(DAY, "s1", true, List.of(new Target("SQQQ", 50)), Explanation.of("risk off"));
        OrderLine stop = new OrderLine("s1-1", "SQQQ", Side.BUY, bd("50"), OrderType.STOP_LIMIT, bd("12.3"), bd("12.1234"));

        Notification n = NotificationMessages.run(new RunReport("exit-check", CLOSE_RUN, decision, List.of(stop),
                List.of("TQQQ: position limit 50% of equity exceeded")));

        assertEquals("s1: BUY 50 SQQQ", n.title());
        assertEquals("""
                Run exit-check at 2026-11-20 15:50 ET for 2026-11-20
                Decision: rebalance - risk off
                Targets: SQQQ 50
                Orders:
                  BUY 50 SQQQ stop $12.12 limit $12.30 [s1-1]
                Denied by risk:
                  TQQQ: position limit 50% of equity exceeded""", n.body());
    }

    @Test
    void aFillShowsPriceAndValue() {
        // 120 x 61.20 = 7,344.00
        Notification n = NotificationMessages.fill(new FillReport("tqqq-regime", "tqqq-regime-20261120-1", "TQQQ", Side.BUY,
                bd("120"), bd("61.2"), Instant.parse("2026-11-20T20:51:30Z")));

        assertEquals(NotificationKind.FILL, n.kind());
        assertEquals("Filled: BUY 120 TQQQ @ $61.20", n.title());
        assertEquals("Strategy tqqq-regime\nValue $7,344.00\nTime 2026-11-20 15:51 ET\nOrder tqqq-regime-20261120-1", n.body());
    }

    @Test
    void aFractionalFillKeepsItsShareDecimalsAndShowsThePriceInCents() {
        // 0.5 x 480.1234 = 240.0617 -> $240.06; the price reads $480.12 as in the window and the CLI
        Notification n = NotificationMessages.fill(new FillReport(null, "m-1", "QQQ", Side.SELL, bd("0.500"),
                bd("480.1234"), CLOSE_RUN));

        assertEquals("Filled: SELL 0.5 QQQ @ $480.12", n.title());
        assertEquals("Strategy none (manual)\nValue $240.06\nTime 2026-11-20 15:50 ET\nOrder m-1", n.body());
        assertNull(n.strategyId());
    }

    @Test
    void anErrorSaysWhatWasBeingDone() {
        Notification n = NotificationMessages.error(new ErrorReport("tqqq-regime", "placing orders",
                "broker unavailable: connection refused; retry later", CLOSE_RUN));

        assertEquals(NotificationKind.ERROR, n.kind());
        assertEquals("Error in tqqq-regime: placing orders", n.title());
        assertEquals("broker unavailable: connection refused; retry later\nAt 2026-11-20 15:50 ET", n.body());
    }

    @Test
    void aMissedRunGivesTheScheduledTimeInNewYork() {
        // Summer (EDT, UTC-4): 2026-07-02 15:50 ET = 19:50Z; early close 2026-11-27: 12:50 ET = 17:50Z.
        Notification summer = NotificationMessages.missedRun(new MissedRun("tqqq-regime", "close",
                Instant.parse("2026-07-02T19:50:00Z"), "the computer was asleep", Instant.parse("2026-07-02T21:05:00Z")));
        Notification earlyClose = NotificationMessages.missedRun(new MissedRun("tqqq-regime", "close",
                Instant.parse("2026-11-27T17:50:00Z"), "the app was closed", Instant.parse("2026-11-27T18:30:00Z")));

        assertEquals(NotificationKind.MISSED_RUN, summer.kind());
        assertEquals("Missed run: tqqq-regime close at 15:50 ET", summer.title());
        assertEquals("Scheduled for 2026-07-02 15:50 ET, noticed at 2026-07-02 17:05 ET\nReason: the computer was asleep\n"
                + "It was not run late; check the positions before the next run.", summer.body());
        assertEquals("Missed run: tqqq-regime close at 12:50 ET", earlyClose.title());
    }

    @Test
    void theKillSwitchSaysWhoAndWhy() {
        Notification on = NotificationMessages.killSwitch(new KillSwitchChange(true, "the daily loss limit",
                "day P&L -3.2% below -3%", CLOSE_RUN));
        Notification off = NotificationMessages.killSwitch(new KillSwitchChange(false, "the user", "checked positions", CLOSE_RUN));

        assertEquals("Kill switch ENGAGED: trading stopped", on.title());
        assertEquals("Engaged by the daily loss limit at 2026-11-20 15:50 ET\nReason: day P&L -3.2% below -3%\n"
                + "No new orders are sent until it is released.", on.body());
        assertEquals("Kill switch released: trading resumes", off.title());
        assertEquals("Released by the user at 2026-11-20 15:50 ET\nReason: checked positions", off.body());
        assertNull(on.strategyId());
    }

    @Test
    void theDailySummaryWorksOutDayAndTotalProfitAndEachPosition() {
        // Day: 105,234.56 - 104,000.00 = +1,234.56; / 104,000 = 1.18707...% -> +1.19%
        // Total: 105,234.56 - 100,000 = +5,234.56 -> +5.23%
        // TQQQ 120 x 61.20 = 7,344.00; (61.20 - 55.00) x 120 = +744.00
        // QQQ 10 x 475.25 = 4,752.50; (475.25 - 480.50) x 10 = -52.50
        Map<String, String> regimes = new LinkedHashMap<>();
        regimes.put("tqqq-regime", "RISK_ON");
        regimes.put("dca-weekly", null);
        DailySummary summary = new DailySummary(DAY, Instant.parse("2026-11-20T21:15:00Z"), bd("105234.56"),
                bd("104000.00"), bd("100000"), bd("93138.06"),
                List.of(new PositionLine("TQQQ", bd("120"), bd("55.00"), bd("61.20")),
                        new PositionLine("QQQ", bd("10"), bd("480.50"), bd("475.25"))), regimes);

        Notification n = NotificationMessages.dailySummary(summary);

        assertEquals(NotificationKind.DAILY_SUMMARY, n.kind());
        assertEquals("Daily summary 2026-11-20: equity $105,234.56, day +$1,234.56 (+1.19%)", n.title());
        assertEquals("""
                Equity $105,234.56
                Day P&L +$1,234.56 (+1.19%)
                Total P&L +$5,234.56 (+5.23%) since $100,000.00
                Cash $93,138.06
                Positions:
                  QQQ 10 @ $475.25 = $4,752.50 (-$52.50)
                  TQQQ 120 @ $61.20 = $7,344.00 (+$744.00)
                Regime:
                  tqqq-regime: RISK_ON
                  dca-weekly: n/a""", n.body());
    }

    @Test
    void aLosingDayWithoutPositionsOrStartingEquity() {
        // 98,765.43 - 100,000.00 = -1,234.57; / 100,000 = -1.23457% -> -1.23%
        DailySummary summary = new DailySummary(DAY, CLOSE_RUN, bd("98765.43"), bd("100000.00"), null, null, List.of(), Map.of());

        Notification n = NotificationMessages.dailySummary(summary);

        assertEquals("Daily summary 2026-11-20: equity $98,765.43, day -$1,234.57 (-1.23%)", n.title());
        assertEquals("Equity $98,765.43\nDay P&L -$1,234.57 (-1.23%)\nPositions: none", n.body());
    }

    @Test
    void aShortPositionShowsANegativeValueAndItsProfit() {
        // -30 x 12.00 = -360.00; (12.00 - 12.50) x -30 = +15.00
        DailySummary summary = new DailySummary(DAY, CLOSE_RUN, bd("1000"), bd("1000"), null, null,
                List.of(new PositionLine("SQQQ", bd("-30"), bd("12.50"), bd("12.00"))), Map.of());

        assertEquals("Equity $1,000.00\nDay P&L +$0.00 (+0.00%)\nPositions:\n  SQQQ -30 @ $12.00 = -$360.00 (+$15.00)",
                NotificationMessages.dailySummary(summary).body());
    }
}
