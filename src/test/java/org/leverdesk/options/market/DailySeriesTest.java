package org.leverdesk.options.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DailySeriesTest {
    private static final LocalDate[] DATES = {LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 3), LocalDate.of(2025, 1, 6)};
    private final DailySeries series = DailySeries.of("VXN", DATES, new double[] {20, 21, 22}, 5);

    @Test
    void valueOfADayIsTheLatestOnOrBeforeIt() {
        assertEquals(20, series.valueOn(LocalDate.of(2025, 1, 2)));
        assertEquals(21, series.valueOn(LocalDate.of(2025, 1, 4))); // Saturday: Friday's close
        assertEquals(22, series.valueOn(LocalDate.of(2025, 1, 6)));
        assertTrue(Double.isNaN(series.valueOn(LocalDate.of(2025, 1, 1))), "nothing before the series starts");
    }

    @Test
    void staleValuesAreNotCarriedForward() {
        assertEquals(22, series.valueOn(LocalDate.of(2025, 1, 11)));
        assertTrue(Double.isNaN(series.valueOn(LocalDate.of(2025, 1, 12))), "six days after the last value");
        assertEquals(-1, series.indexOn(LocalDate.of(2025, 2, 1)));
    }

    @Test
    void scaledKeepsTheDates() {
        DailySeries vxnLike = series.scaled(1.165, "VIX×1.165");
        assertEquals(21 * 1.165, vxnLike.valueOn(LocalDate.of(2025, 1, 3)), 1e-12);
        assertEquals("VIX×1.165", vxnLike.name());
        assertEquals(LocalDate.of(2025, 1, 6), vxnLike.lastDate());
    }

    @Test
    void refusesUnorderedOrMismatchedInput() {
        assertThrows(IllegalArgumentException.class, () -> DailySeries.of("x",
                new LocalDate[] {LocalDate.of(2025, 1, 3), LocalDate.of(2025, 1, 2)}, new double[] {1, 2}, 5));
        assertThrows(IllegalArgumentException.class, () -> DailySeries.of("x", DATES, new double[] {1, 2}, 5));
        assertThrows(IllegalArgumentException.class, () -> DailySeries.of("x", DATES, new double[] {1, Double.NaN, 2}, 5));
    }
}
