package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.Quote;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.Target;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.strategy.ExecutionPolicy.LiveOrderStyle;

/** Each planning rule with hand-checked numbers; defaults: 2% tolerance, $100 minimum, 0.5% limit offset. */
class OrderPlannerTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);
    private static final Instant AT = Instant.parse("2026-01-05T20:50:00Z");
    private static final ExecutionPolicy MARKET = ExecutionPolicy.atClose(LiveOrderStyle.MARKET, 0);
    private final OrderPlanner planner = new OrderPlanner(RiskSettings.defaults());
    private final Map<String, Quote> quotes = new HashMap<>(Map.of(
            "TQQQ", new Quote("TQQQ", 99.99, 100.01, 100, AT),
            "QQQ", new Quote("QQQ", 399.99, 400.01, 400, AT)));

    private OrderPlan plan(List<Target> targets, Map<String, Long> held, double buyingPower, boolean open,
                           ExecutionPolicy policy) {
        return planner.plan(new PlanInput("t", 1, DAY, targets, held, buyingPower, quotes, open, policy));
    }

    @Test
    void aBuyFromFlatInAnOpenMarketIsAMarketDayOrderWithItsLegIdAndReason() {
        OrderPlan p = plan(List.of(new Target("TQQQ", 100)), Map.of(), 100_000, true, MARKET);
        assertEquals(1, p.orders().size());
        PlannedOrder o = p.orders().get(0);
        assertEquals("ld-t-v1-20260105-buy-TQQQ", o.clientOrderId());
        assertEquals("buy-TQQQ", o.leg());
        assertEquals(Side.BUY, o.side());
        assertEquals(100, o.quantity());
        assertEquals(OrderType.MARKET, o.type());
        assertEquals(TimeInForce.DAY, o.timeInForce());
        assertNull(o.limitPrice());
        assertEquals("target 100 TQQQ, holding 0", o.reason());
    }

    @Test
    void whenTheMarketIsClosedItIsAMarketOnOpenOrder() {
        PlannedOrder o = plan(List.of(new Target("TQQQ", 100)), Map.of(), 100_000, false, MARKET).orders().get(0);
        assertEquals(OrderType.MARKET_ON_OPEN, o.type());
        assertEquals(TimeInForce.OPG, o.timeInForce());
    }

    @Test
    void aMarketOnOpenStrategyGetsOpgAfterTheCloseAndMarketOrdersDuringTheSession() {
        ExecutionPolicy moo = ExecutionPolicy.afterClose(LiveOrderStyle.MARKET_ON_OPEN);
        PlannedOrder closed = plan(List.of(new Target("TQQQ", 100)), Map.of(), 100_000, false, moo).orders().get(0);
        assertEquals(OrderType.MARKET_ON_OPEN, closed.type());
        assertEquals(TimeInForce.OPG, closed.timeInForce());
        PlannedOrder open = plan(List.of(new Target("TQQQ", 100)), Map.of(), 100_000, true, moo).orders().get(0);
        assertEquals(OrderType.MARKET, open.type());
        assertEquals(TimeInForce.DAY, open.timeInForce());
    }

    @Test
    void aChangeUnderTwoPercentOfTheTargetIsNotTradedAndTwoPercentIs() {
        OrderPlan inside = plan(List.of(new Target("TQQQ", 100)), Map.of("TQQQ", 99L), 100_000, true, MARKET);
        assertTrue(inside.orders().isEmpty());
        assertEquals(List.of("TQQQ: change of 1 is 1.00% of the target 100, inside the 2.00% tolerance band"), inside.skipped());
        OrderPlan edge = plan(List.of(new Target("TQQQ", 100)), Map.of("TQQQ", 98L), 100_000, true, MARKET);
        assertEquals(2, edge.orders().get(0).quantity());
    }

    @Test
    void anOrderWorthLessThanTheMinimumIsNotSentButAnExitToZeroAlwaysIs() {
        quotes.put("SQQQ", new Quote("SQQQ", 29.99, 30.01, 30, AT));
        // 3 of 100 = 3% (outside the band), but 3 x $30 = $90 < $100
        OrderPlan small = plan(List.of(new Target("SQQQ", 100)), Map.of("SQQQ", 97L), 100_000, true, MARKET);
        assertTrue(small.orders().isEmpty());
        assertEquals(List.of("SQQQ: 3 shares are worth $90.00, under the $100.00 minimum trade value"), small.skipped());
        OrderPlan exit = plan(List.of(new Target("SQQQ", 0)), Map.of("SQQQ", 1L), 100_000, true, MARKET);
        assertEquals(Side.SELL, exit.orders().get(0).side());
        assertEquals(1, exit.orders().get(0).quantity());
        assertEquals("sell-SQQQ", exit.orders().get(0).leg());
    }

    @Test
    void aLimitPolicyPricesFromTheMidByTheStrategysOffsetRoundedToCents() {
        quotes.put("TQQQ", new Quote("TQQQ", 99.90, 100.10, 100, AT));
        ExecutionPolicy limit = ExecutionPolicy.atClose(LiveOrderStyle.LIMIT_FROM_MID, 50);
        PlannedOrder buy = plan(List.of(new Target("TQQQ", 100)), Map.of(), 100_000, true, limit).orders().get(0);
        assertEquals(OrderType.LIMIT, buy.type());
        assertEquals(TimeInForce.DAY, buy.timeInForce());
        assertEquals(new BigDecimal("100.50"), buy.limitPrice()); // 100.00 x 1.005
        PlannedOrder sell = plan(List.of(new Target("TQQQ", 0)), Map.of("TQQQ", 40L), 100_000, false, limit).orders().get(0);
        assertEquals(new BigDecimal("99.50"), sell.limitPrice()); // 100.00 x 0.995
        assertEquals(TimeInForce.OPG, sell.timeInForce());
        // mid 20.003 x 1.005 = 20.103015 -> 20.10
        quotes.put("TQQQ", new Quote("TQQQ", 20.001, 20.005, 20.003, AT));
        assertEquals(new BigDecimal("20.10"),
                plan(List.of(new Target("TQQQ", 100)), Map.of(), 100_000, true, limit).orders().get(0).limitPrice());
    }

    @Test
    void withoutAStrategyOffsetTheRiskSettingsOffsetIsUsed() {
        OrderPlanner onePercent = new OrderPlanner(new RiskSettings(2, 100, 1.0, 190, 900, 0));
        quotes.put("TQQQ", new Quote("TQQQ", 99.90, 100.10, 100, AT));
        PlannedOrder buy = onePercent.plan(new PlanInput("t", 1, DAY, List.of(new Target("TQQQ", 10)), Map.of(), 100_000,
                quotes, true, ExecutionPolicy.atClose(LiveOrderStyle.LIMIT_FROM_MID, 0))).orders().get(0);
        assertEquals(new BigDecimal("101.00"), buy.limitPrice());
    }

    @Test
    void buysAreScaledDownToWholeSharesThatFitTheBuyingPower() {
        // 100 x ask 100.01 = $10,001 > $5,000: 5000 / 10001 x 100 = 49.995 -> 49 shares ($4,900.49)
        OrderPlan p = plan(List.of(new Target("TQQQ", 100)), Map.of(), 5_000, true, MARKET);
        PlannedOrder o = p.orders().get(0);
        assertEquals(49, o.quantity());
        assertEquals("ld-t-v1-20260105-buy-TQQQ", o.clientOrderId());
        assertTrue(o.reason().endsWith("scaled down: buying power $5,000.00 covers 49 of 100 TQQQ at $100.01"), o.reason());
    }

    @Test
    void severalBuysShrinkInProportion() {
        // 100 TQQQ x 100.01 + 25 QQQ x 400.01 = 10,001 + 10,000.25 = 20,001.25; $10,000 covers 0.49997 of it:
        // TQQQ floor(49.997) = 49, QQQ floor(12.499) = 12 -> 4,900.49 + 4,800.12 = 9,700.61 <= 10,000
        OrderPlan p = plan(List.of(new Target("TQQQ", 100), new Target("QQQ", 25)), Map.of(), 10_000, true, MARKET);
        assertEquals(List.of(49L, 12L), p.orders().stream().map(PlannedOrder::quantity).toList());
    }

    @Test
    void sellsComeFirstAndMarketSellProceedsFundTheBuysWhileTheMarketIsOpen() {
        // no buying power, but selling 50 QQQ at the bid 399.99 frees $19,999.50 >= $10,001 for 100 TQQQ
        OrderPlan p = plan(List.of(new Target("TQQQ", 100), new Target("QQQ", 0)), Map.of("QQQ", 50L), 0, true, MARKET);
        assertEquals(List.of("sell-QQQ", "buy-TQQQ"), p.orders().stream().map(PlannedOrder::leg).toList());
        assertEquals(100, p.orders().get(1).quantity());
    }

    @Test
    void onOpenSellProceedsAreNotSpentInAdvance() {
        OrderPlan p = plan(List.of(new Target("TQQQ", 100), new Target("QQQ", 0)), Map.of("QQQ", 50L), 0, false, MARKET);
        assertEquals(List.of("sell-QQQ"), p.orders().stream().map(PlannedOrder::leg).toList());
        assertTrue(p.skipped().get(0).startsWith("TQQQ: buying power $0.00 covers 0 of 100 TQQQ"), p.skipped().toString());
    }

    @Test
    void aTargetAlreadyHeldOrWithoutAQuoteIsSkippedWithItsReason() {
        OrderPlan p = plan(List.of(new Target("TQQQ", 10), new Target("SQQQ", 5)), Map.of("TQQQ", 10L), 100_000, true, MARKET);
        assertTrue(p.orders().isEmpty());
        assertEquals(List.of("TQQQ: holding 10, the target; nothing to trade",
                "SQQQ: no usable quote; target 5 (holding 0) not traded"), p.skipped());
    }
}
