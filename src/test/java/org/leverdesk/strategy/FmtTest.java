package org.leverdesk.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast formatter prints what String.format prints for the values explanations show. */
class FmtTest {
    @Test
    void matchesStringFormatOnHandPickedValues() {
        assertEquals("0.2500", Fmt.fixed(0.25, 4));
        assertEquals("3000.00", Fmt.fixed(3000, 2));
        assertEquals("122.45", Fmt.fixed(122.4496, 2));
        assertEquals("-0.0100", Fmt.fixed(-0.01, 4));
        assertEquals("-0.00", Fmt.fixed(-0.001, 2));
        assertEquals("0.0005", Fmt.fixed(0.00049999999, 4));
        assertEquals("70", Fmt.fixed(70.0, 0));
        assertEquals("n/a", Fmt.fixed(Double.NaN, 2));
        assertEquals(String.format(Locale.ROOT, "%.2f", 1e300), Fmt.fixed(1e300, 2));
    }

    @Test
    void moneyHasADollarSignTwoDecimalsAndThousandsSeparators() {
        assertEquals("$1,359.71", Fmt.money(1359.7083));
        assertEquals("$0.53", Fmt.money(0.534));
        assertEquals("$999.99", Fmt.money(999.994));
        assertEquals("$1,000.00", Fmt.money(999.995));
        assertEquals("$12,345,678.90", Fmt.money(12_345_678.9));
        assertEquals("-$5.00", Fmt.money(-5));
        assertEquals("$0.00", Fmt.money(-0.001));
        assertEquals("n/a", Fmt.money(Double.NaN));
        assertEquals("1,234,567", Fmt.grouped(1_234_567));
        assertEquals("999", Fmt.grouped(999));
        assertEquals("-1,000", Fmt.grouped(-1000));
        assertEquals("12.34%", Fmt.percent(0.12344));
        assertEquals("n/a", Fmt.percent(Double.NaN));
    }

    @Test
    void matchesStringFormatOnRandomValues() {
        Random rnd = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            double v = (rnd.nextDouble() - 0.3) * Math.pow(10, rnd.nextInt(7));
            int d = rnd.nextInt(5);
            assertEquals(String.format(Locale.ROOT, "%." + d + "f", v), Fmt.fixed(v, d), "value " + v + " decimals " + d);
        }
    }
}
