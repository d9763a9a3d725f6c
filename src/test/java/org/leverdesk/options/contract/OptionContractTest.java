package org.leverdesk.options.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OptionContractTest {
    private static final LocalDate EXPIRY = LocalDate.of(2025, 1, 17);

    @Test
    void equalWhateverTheStrikesScale() {
        OptionContract a = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, new BigDecimal("480"));
        OptionContract b = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, new BigDecimal("480.000"));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(3, a.strike().scale());
        assertNotEquals(a, OptionContract.of("QQQ", EXPIRY, OptionRight.CALL, new BigDecimal("480")));
    }

    @Test
    void refusesWhatAnOccSymbolCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "480.0001"));
        assertThrows(IllegalArgumentException.class, () -> OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "100000"));
        assertThrows(IllegalArgumentException.class, () -> OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "0"));
        assertThrows(IllegalArgumentException.class, () -> OptionContract.of("qqq", EXPIRY, OptionRight.PUT, "480"));
        assertThrows(IllegalArgumentException.class, () -> OptionContract.of("TOOLONG", EXPIRY, OptionRight.PUT, "480"));
        assertThrows(IllegalArgumentException.class, () -> OptionContract.of("QQQ", LocalDate.of(1999, 12, 17), OptionRight.PUT, "480"));
        assertThrows(IllegalArgumentException.class, () -> new OptionContract("QQQ", EXPIRY, OptionRight.PUT, BigDecimal.TEN, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "480.0001"));
        assertTrue(e.getMessage().contains("more than 3 decimals"), e.getMessage());
    }

    @Test
    void intrinsicValueAndMoneyness() {
        OptionContract put = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "480");
        OptionContract call = OptionContract.of("QQQ", EXPIRY, OptionRight.CALL, "480");
        assertEquals(5.5, put.intrinsicValue(474.5), 1e-12);
        assertEquals(0, put.intrinsicValue(490), 0);
        assertEquals(10, call.intrinsicValue(490), 1e-12);
        assertTrue(put.isPut());
        assertTrue(call.isCall());
    }

    @Test
    void daysAndYearsToExpiryCountCalendarDays() {
        OptionContract c = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "480");
        assertEquals(15, c.daysToExpiry(LocalDate.of(2025, 1, 2)));
        assertEquals(15 / 365.0, c.yearsToExpiry(LocalDate.of(2025, 1, 2)), 1e-15);
        assertEquals(0, c.daysToExpiry(EXPIRY));
        assertEquals(0, c.yearsToExpiry(EXPIRY), 0);
        assertEquals(-3, c.daysToExpiry(LocalDate.of(2025, 1, 20)));
        assertEquals(0, c.yearsToExpiry(LocalDate.of(2025, 1, 20)), 0);
        assertFalse(c.isExpiredOn(EXPIRY));
        assertTrue(c.isExpiredOn(EXPIRY.plusDays(1)));
    }
}
