package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ClientOrderIdsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

    @Test
    void anIdReadsAsStrategyVersionDayAndLeg() {
        assertEquals("ld-regime-v3-20260105-buy-TQQQ", ClientOrderIds.of("regime", 3, DAY, "buy-TQQQ"));
    }

    @Test
    void theSameInputsAlwaysGiveTheSameIdAndAnyChangeGivesAnother() {
        String id = ClientOrderIds.of("regime", 3, DAY, "buy-TQQQ");
        assertEquals(id, ClientOrderIds.of("regime", 3, DAY, "buy-TQQQ"));
        assertNotEquals(id, ClientOrderIds.of("regime", 4, DAY, "buy-TQQQ"));
        assertNotEquals(id, ClientOrderIds.of("regime", 3, DAY.plusDays(1), "buy-TQQQ"));
        assertNotEquals(id, ClientOrderIds.of("regime", 3, DAY, "sell-TQQQ"));
        assertNotEquals(id, ClientOrderIds.of("rsi2", 3, DAY, "buy-TQQQ"));
    }

    @Test
    void charactersBrokersRefuseBecomeDashes() {
        assertEquals("ld-my-strat-v1-20260105-exit-SQQQ", ClientOrderIds.of("My Strat", 1, DAY, "exit_SQQQ"));
    }

    @Test
    void aTooLongIdKeepsItsReadableStartAndEndsInAHashWithinSixtyFourCharacters() {
        String longId = "a-very-long-strategy-identifier-that-someone-typed-in-the-settings";
        String a = ClientOrderIds.of(longId, 12, DAY, "buy-TQQQ");
        String b = ClientOrderIds.of(longId, 12, DAY, "buy-SQQQ");
        assertEquals(64, a.length());
        assertTrue(a.startsWith("ld-a-very-long-strategy-identifier-that-someone-typ"), a);
        assertTrue(a.matches(".*-[0-9a-f]{12}"), a);
        // Both cut to the same readable start; the hash keeps them apart, and repeats exactly.
        assertEquals(a.substring(0, 51), b.substring(0, 51));
        assertNotEquals(a, b);
        assertEquals(a, ClientOrderIds.of(longId, 12, DAY, "buy-TQQQ"));
    }

    @Test
    void missingPartsAndVersionZeroAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClientOrderIds.of("", 1, DAY, "buy-TQQQ"));
        assertThrows(IllegalArgumentException.class, () -> ClientOrderIds.of("regime", 1, null, "buy-TQQQ"));
        assertThrows(IllegalArgumentException.class, () -> ClientOrderIds.of("regime", 1, DAY, " "));
        assertThrows(IllegalArgumentException.class, () -> ClientOrderIds.of("regime", 0, DAY, "buy-TQQQ"));
    }

    /** A combo leg's id gives its strategy version back, so the reconcile can name the parent (ComboLegLookup). */
    @Test
    void theVersionIsReadBackFromAnIdOfTheStrategy() {
        assertEquals(java.util.OptionalInt.of(3), ClientOrderIds.version("regime", ClientOrderIds.of("regime", 3, DAY, "buy-TQQQ")));
        assertEquals(java.util.OptionalInt.of(12), ClientOrderIds.version("spreads",
                ClientOrderIds.of("spreads", 12, DAY, "sell-QQQ   260320P00480000-and-a-leg-name-long-enough-to-hash")));
        assertEquals(java.util.OptionalInt.empty(), ClientOrderIds.version("regime", "ld-other-v3-20260105-buy-TQQQ"));
        assertEquals(java.util.OptionalInt.empty(), ClientOrderIds.version("regime", "ld-regime-vx-20260105-buy-TQQQ"));
        assertEquals(java.util.OptionalInt.empty(), ClientOrderIds.version("regime", null));
    }
}
