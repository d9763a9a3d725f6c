package org.leverdesk.options.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VolatilityIndexTest {
    private final DailySeries vix = DailySeries.of("VIX", new LocalDate[] {LocalDate.of(2009, 9, 11), LocalDate.of(2009, 9, 14)},
            new double[] {24.0, 25.0}, 5);
    private final DailySeries vxn = DailySeries.of("VXN", new LocalDate[] {LocalDate.of(2009, 9, 14)}, new double[] {24.93}, 5);

    @Test
    void primaryIndexWhenItHasAValue() {
        VolatilityIndex.Observation o = VolatilityIndex.of(vxn).orElse(vix, VolatilityIndex.VXN_PER_VIX).on(LocalDate.of(2009, 9, 14));
        assertEquals(24.93, o.level(), 0);
        assertEquals("VXN", o.source());
    }

    @Test
    void scaledFallbackBeforeThePrimaryStarts() {
        VolatilityIndex.Observation o = VolatilityIndex.of(vxn).orElse(vix, VolatilityIndex.VXN_PER_VIX).on(LocalDate.of(2009, 9, 11));
        assertEquals(24.0 * 1.165, o.level(), 1e-12);
        assertEquals("VIX × 1.165", o.source());
        assertEquals(LocalDate.of(2009, 9, 11), o.observed());
    }

    @Test
    void noLevelIsNullWithAReason() {
        VolatilityIndex index = VolatilityIndex.of(vxn);
        assertNull(index.on(LocalDate.of(2009, 9, 1)));
        String reason = index.missingReason(LocalDate.of(2009, 9, 1));
        assertTrue(reason.contains("no VXN level") && reason.contains("2009-09-14..2009-09-14"), reason);
    }
}
