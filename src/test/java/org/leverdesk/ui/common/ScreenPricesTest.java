package org.leverdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every price and amount on screen goes through {@link Formats}: a dollar sign, thousands grouped, two decimals. */
class ScreenPricesTest {
    @Test
    void moneyAndPricesReadInDollarsAndCents() {
        assertEquals("$1,234.50", Formats.money(1234.5));
        assertEquals("-$5.00", Formats.money(-5));
        assertEquals("$51.06", Formats.price(51.0625));
        assertEquals("$0.01", Formats.price(0.01234));
        assertEquals("$12,346", Formats.wholeMoney(12345.6));
        assertEquals(Formats.MISSING, Formats.price(Double.NaN));
    }
}
