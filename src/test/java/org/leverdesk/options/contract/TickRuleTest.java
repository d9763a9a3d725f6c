package org.leverdesk.options.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TickRuleTest {
    @Test
    void pennyRuleChangesToNickelsAtThreeDollars() {
        assertEquals(2.99, TickRule.PENNY.roundDown(2.996), 1e-12);
        assertEquals(3.00, TickRule.PENNY.roundUp(2.991), 1e-12);
        assertEquals(3.05, TickRule.PENNY.roundUp(3.01), 1e-12);
        assertEquals(3.00, TickRule.PENNY.roundDown(3.04), 1e-12);
        assertEquals(0.01, TickRule.PENNY.roundUp(0.001), 1e-12);
        assertEquals(1, TickRule.PENNY.tickCents(2.99));
        assertEquals(5, TickRule.PENNY.tickCents(3.00));
    }

    @Test
    void pennyAtEveryPrice() {
        assertEquals(3.02, TickRule.PENNY_ALL_PRICES.roundUp(3.011), 1e-12);
        assertEquals(12.34, TickRule.PENNY_ALL_PRICES.roundDown(12.349), 1e-12);
        assertEquals(1, TickRule.PENNY_ALL_PRICES.tickCents(50));
    }

    @Test
    void standardNickelsAndDimes() {
        assertEquals(0.05, TickRule.STANDARD.roundUp(0.01), 1e-12);
        assertEquals(0, TickRule.STANDARD.roundDown(0.04), 0);
        assertEquals(3.10, TickRule.STANDARD.roundUp(3.01), 1e-12);
        assertEquals(2.95, TickRule.STANDARD.roundDown(2.99), 1e-12);
    }

    @Test
    void exactPricesStayPut() {
        assertEquals(1.23, TickRule.PENNY.roundDown(1.23), 1e-12);
        assertEquals(1.23, TickRule.PENNY.roundUp(1.23), 1e-12);
        assertEquals(0, TickRule.PENNY.roundDown(-1), 0);
    }
}
