package org.leverdesk.options.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RiskFreeRateTest {
    @Test
    void billYieldBecomesAContinuousRate() {
        // ln(1 + 0.05 · 91/365) · 365/91 = 4.9691%.
        assertEquals(0.0496909221, RiskFreeRate.continuousFromBillPercent(5.0), 1e-10);
        assertEquals(0.0541330562, RiskFreeRate.continuousFromBillPercent(5.45), 1e-10);
        assertEquals(0, RiskFreeRate.continuousFromBillPercent(0), 0);
    }

    @Test
    void usesTheLatestBillYieldAndFallsBackWhereThereIsNone() {
        DailySeries bills = DailySeries.of("DGS3MO", new LocalDate[] {LocalDate.of(2024, 5, 2), LocalDate.of(2024, 5, 3)},
                new double[] {5.46, 5.45}, 10);
        RiskFreeRate rates = RiskFreeRate.treasuryBills(bills, 0.03);
        RiskFreeRate.Observation friday = rates.on(LocalDate.of(2024, 5, 3));
        assertEquals(0.0541330562, friday.continuous(), 1e-10);
        assertEquals(LocalDate.of(2024, 5, 3), friday.observed());
        assertEquals("DGS3MO", friday.source());
        assertFalse(friday.isFallback());
        assertEquals(LocalDate.of(2024, 5, 3), rates.on(LocalDate.of(2024, 5, 6)).observed());
        RiskFreeRate.Observation before = rates.on(LocalDate.of(2024, 1, 2));
        assertTrue(before.isFallback());
        assertNull(before.observed());
        assertEquals(0.03, before.continuous(), 0);
        assertTrue(rates.on(LocalDate.of(2024, 6, 30)).isFallback(), "a series that stopped is not carried forward");
        assertEquals("r 5.413% (DGS3MO 2024-05-03)", friday.toString());
    }

    @Test
    void constantRate() {
        assertEquals(0.03, RiskFreeRate.constant(0.03).on(LocalDate.of(2030, 1, 2)).continuous(), 0);
        assertThrows(IllegalArgumentException.class, () -> RiskFreeRate.constant(3));
    }
}
