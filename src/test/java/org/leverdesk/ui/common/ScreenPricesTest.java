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

    @Test
    void signalPricesUseTheSameFormatIncludingAPortfolioStrategysPerTickerPrice() {
        assertEquals("$412.35", SignalLabels.value("smaSlow", 412.3457));
        // DcaStrategy writes "<ticker>.price": not listed by name, still a price, not "1234.5000"
        assertEquals("QQQM price", SignalLabels.label("QQQM.price"));
        assertEquals("$1,234.50", SignalLabels.value("QQQM.price", 1234.5));
        // an unknown key that is not a price keeps its number
        assertEquals("0.1235", SignalLabels.value("someScore", 0.12345));
    }
}
