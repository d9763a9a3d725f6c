package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leverdesk.config.RiskLimits;
import org.leverdesk.domain.Side;
import org.leverdesk.execution.RiskLimitCheck.OrderFacts;
import org.leverdesk.risk.TradingState;

class RiskLimitCheckTest {
    private static final RiskLimits LIMITS = new RiskLimits(10_000, 25_000, 3, 10, 5, 10);

    @Test
    void anOrderWorthMoreThanTheOrderLimitIsDeniedWithItsValue() {
        // 101 x $100 = $10,100 > $10,000.
        Optional<String> d = RiskLimitCheck.denial(LIMITS, new OrderFacts("QQQ", Side.BUY, 101, 0, 100.0, 100.0, 0));
        assertEquals(Optional.of("buy 101 QQQ is worth $10,100.00, more than risk.limits.maxOrderValue $10,000.00"), d);
        assertEquals(Optional.empty(), RiskLimitCheck.denial(LIMITS, new OrderFacts("QQQ", Side.BUY, 100, 0, 100.0, 100.0, 0)));
    }

    @Test
    void theLimitOnAPositionCountsWhatIsHeldAlready() {
        // 200 held + 60 bought = 260 x $100 = $26,000 > $25,000.
        Optional<String> d = RiskLimitCheck.denial(LIMITS, new OrderFacts("QQQ", Side.BUY, 60, 200, 100.0, 100.0, 0));
        assertEquals(Optional.of("buy 60 QQQ would make the QQQ position worth $26,000.00, more than"
                + " risk.limits.maxPositionValue $25,000.00"), d);
    }

    @Test
    void theOrdersOfADayAreCountedButASaleThatShrinksAPositionAlwaysPasses() {
        assertEquals(Optional.of("buy 1 QQQ: 3 orders were already sent today, the most risk.limits.maxOrdersPerDay allows"),
                RiskLimitCheck.denial(LIMITS, new OrderFacts("QQQ", Side.BUY, 1, 0, 100.0, 100.0, 3)));
        // Selling 250 of 250 held, worth $25,000 (> the order limit), as the fourth order of the day: passes.
        assertEquals(Optional.empty(), RiskLimitCheck.denial(LIMITS, new OrderFacts("QQQ", Side.SELL, 250, 250, 100.0, 100.0, 9)));
        // Selling more than is held opens a short: not a reduction.
        assertTrue(RiskLimitCheck.denial(LIMITS, new OrderFacts("QQQ", Side.SELL, 251, 250, 100.0, 100.0, 9)).isPresent());
    }

    @Test
    void aPriceOutsideTheBandIsDeniedEvenOnASale() {
        // 111 / 100 - 1 = 11% > 10%.
        assertEquals(Optional.of("sell 5 QQQ at $111.00 is 11.0% from the last close $100.00, outside the 10% price band"
                        + " (risk.limits.priceBandPercent)"),
                RiskLimitCheck.denial(LIMITS, new OrderFacts("QQQ", Side.SELL, 5, 10, 111.0, 100.0, 0)));
        assertEquals(Optional.empty(), RiskLimitCheck.denial(LIMITS, new OrderFacts("QQQ", Side.SELL, 5, 10, 109.9, 100.0, 0)));
    }

    @Test
    void aValueLimitWithoutAPriceDeniesAndLimitsSwitchedOffPassAnything() {
        assertEquals(Optional.of("buy 1 QQQ: no price to check the order's value against the risk limits"),
                RiskLimitCheck.denial(LIMITS, new OrderFacts("QQQ", Side.BUY, 1, 0, null, null, 0)));
        assertEquals(Optional.empty(), RiskLimitCheck.denial(RiskLimits.none(),
                new OrderFacts("QQQ", Side.BUY, 1_000_000, 0, null, 1.0, 1_000)));
    }

    @Test
    void theDaysLossMovesTradingToReducingThenHalted() {
        // $100,000 -> $95,000 is a 5% loss: REDUCING; -> $90,000 is 10%: HALTED.
        assertEquals(TradingState.REDUCING,
                RiskLimitCheck.dailyLoss(LIMITS, 95_000, 100_000, TradingState.ACTIVE).orElseThrow().state());
        RiskLimitCheck.LossState halt = RiskLimitCheck.dailyLoss(LIMITS, 90_000, 100_000, TradingState.REDUCING).orElseThrow();
        assertEquals(TradingState.HALTED, halt.state());
        assertEquals("the account is down 10.00% today ($10,000.00 from $100,000.00 at the last close), at least"
                + " risk.limits.dailyLossHaltPercent 10%", halt.reason());
        assertEquals(Optional.empty(), RiskLimitCheck.dailyLoss(LIMITS, 95_500, 100_000, TradingState.ACTIVE));
        assertEquals(Optional.empty(), RiskLimitCheck.dailyLoss(LIMITS, 95_000, 100_000, TradingState.REDUCING), "already");
        assertEquals(Optional.empty(), RiskLimitCheck.dailyLoss(LIMITS, 105_000, 100_000, TradingState.ACTIVE), "a gain");
    }
}
