package org.leverdesk.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.leverdesk.ui.common.Formats;
import org.junit.jupiter.api.Test;

class ChartFormatsTest {
    @Test
    void pricesReadInDollarsAndCentsAsEveryPriceOnScreen() {
        assertEquals("$51.06", ChartFormats.price(51.0625));
        assertEquals("$1,234.50", ChartFormats.price(1234.5));
        assertEquals("$0.01", ChartFormats.price(0.01234));
        assertEquals("-$2.50", ChartFormats.price(-2.5));
        assertEquals("$0.00", ChartFormats.price(0));
        assertEquals(Formats.MISSING, ChartFormats.price(Double.NaN));
    }
}
