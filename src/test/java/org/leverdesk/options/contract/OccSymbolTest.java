package org.leverdesk.options.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OccSymbolTest {
    private static final OptionContract QQQ_PUT = OptionContract.of("QQQ", LocalDate.of(2025, 1, 17), OptionRight.PUT, "480");

    @Test
    void printsThePaddedAndTheCompactForm() {
        assertEquals("QQQ   250117P00480000", QQQ_PUT.occSymbol());
        assertEquals("QQQ250117P00480000", QQQ_PUT.compactSymbol());
        assertEquals(21, QQQ_PUT.occSymbol().length());
        assertEquals("QQQ   250117P00480000", QQQ_PUT.toString());
    }

    @ParameterizedTest
    @CsvSource({
            "SPY, 2024-12-20, CALL, 600, SPY   241220C00600000",
            "QQQM, 2026-06-18, PUT, 212.5, QQQM  260618P00212500",
            "SPXW, 2030-03-01, CALL, 5025, SPXW  300301C05025000",
            "F, 2025-05-16, CALL, 0.5, F     250516C00000500",
            "GOOGL, 2027-01-15, PUT, 1234.567, GOOGL 270115P01234567",
            "BRKB1X, 2099-12-31, PUT, 99999.999, BRKB1X991231P99999999",
    })
    void formatsEveryPart(String root, LocalDate expiry, OptionRight right, String strike, String expected) {
        OptionContract c = OptionContract.of(root, expiry, right, strike);
        assertEquals(expected, c.occSymbol());
        assertEquals(c, OccSymbol.parse(expected));
        assertEquals(c, OccSymbol.parse(c.compactSymbol()));
    }

    @Test
    void parsesAlpacasCompactForm() {
        OptionContract c = OptionContract.parse("QQQ250117P00480000");
        assertEquals("QQQ", c.underlying());
        assertEquals(LocalDate.of(2025, 1, 17), c.expiry());
        assertEquals(OptionRight.PUT, c.right());
        assertEquals(new BigDecimal("480.000"), c.strike());
        assertEquals(100, c.multiplier());
        assertEquals(QQQ_PUT, c);
        assertEquals(QQQ_PUT, OptionContract.parse("QQQ   250117P00480000"));
    }

    @Test
    void strikesAreExactThousandths() {
        assertEquals(new BigDecimal("480.125"), OptionContract.parse("QQQ250117C00480125").strike());
        assertEquals(480.125, OptionContract.parse("QQQ250117C00480125").strikeValue(), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "QQQ 250117P00480000",      // padding that does not fill 6 characters
            " QQQ  250117P00480000",    // leading space
            "qqq250117P00480000",       // lower case
            "QQQ251317P00480000",       // month 13
            "QQQ250230P00480000",       // 30 February
            "QQQ250117X00480000",       // right neither C nor P
            "QQQ250117P0048000A",       // letter in the strike
            "QQQ250117P00000000",       // zero strike
            "250117P00480000",          // no root
            "QQQQQQQ250117P00480000",   // 7-character root
            "QQ-Q250117P00480000",      // punctuation in the root
            "",
    })
    void refusesMalformedSymbolsWithTheReason(String symbol) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OccSymbol.parse(symbol));
        assertTrue(e.getMessage().contains("is not an OCC option symbol"), e.getMessage());
    }

    @Test
    void reasonsNameTheBadPart() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OccSymbol.parse("QQQ251317P00480000"))
                .getMessage().contains("251317 is not a date"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OccSymbol.parse("QQQ250117X00480000"))
                .getMessage().contains("C or P"));
        assertThrows(IllegalArgumentException.class, () -> OccSymbol.parse(null));
    }
}
