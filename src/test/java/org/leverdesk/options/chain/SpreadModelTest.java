package org.leverdesk.options.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.leverdesk.options.contract.TickRule;

class SpreadModelTest {
    private final SpreadModel spread = SpreadModel.defaults();

    @Test
    void twoPercentAroundThePriceOnPennies() {
        // 2.00: spread max(0.02, 0.04) = 0.04 → 1.98 / 2.02.
        assertEquals(1.98, spread.bid(2.00, TickRule.PENNY_ALL_PRICES), 1e-12);
        assertEquals(2.02, spread.ask(2.00, TickRule.PENNY_ALL_PRICES), 1e-12);
        // 12.345: spread 0.2469 → 12.22145 / 12.46845 → 12.22 / 12.47.
        assertEquals(12.22, spread.bid(12.345, TickRule.PENNY_ALL_PRICES), 1e-12);
        assertEquals(12.47, spread.ask(12.345, TickRule.PENNY_ALL_PRICES), 1e-12);
    }

    @Test
    void minimumSpreadForCheapOptions() {
        // 0.30: spread max(0.02, 0.006) = 0.02 → 0.29 / 0.31.
        assertEquals(0.29, spread.bid(0.30, TickRule.PENNY), 1e-12);
        assertEquals(0.31, spread.ask(0.30, TickRule.PENNY), 1e-12);
        // 0.004: the bid cannot go below 0; the ask is at least a tick.
        assertEquals(0, spread.bid(0.004, TickRule.PENNY), 0);
        assertEquals(0.02, spread.ask(0.004, TickRule.PENNY), 1e-12);
        assertEquals(0.01, spread.ask(0.0, TickRule.PENNY), 1e-12);
    }

    @Test
    void nickelTicksFromThreeDollars() {
        // 3.20 on the penny rule: 3.168 / 3.232 → 3.15 / 3.25.
        assertEquals(3.15, spread.bid(3.20, TickRule.PENNY), 1e-12);
        assertEquals(3.25, spread.ask(3.20, TickRule.PENNY), 1e-12);
        // 2.99: 2.9601 / 3.0199 → 2.96 / 3.05 (the ask crosses $3 and takes the nickel tick).
        assertEquals(2.96, spread.bid(2.99, TickRule.PENNY), 1e-12);
        assertEquals(3.05, spread.ask(2.99, TickRule.PENNY), 1e-12);
    }

    @Test
    void zeroSpreadStillKeepsTheAskAboveTheBid() {
        SpreadModel none = new SpreadModel(0, 0);
        assertEquals(1.23, none.bid(1.23, TickRule.PENNY), 1e-12);
        assertEquals(1.24, none.ask(1.23, TickRule.PENNY), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new SpreadModel(-0.1, 0));
    }
}
