package org.leverdesk.options.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrikeGridTest {
    private final StrikeGrid etf = StrikeGrid.etfDefault();

    private static List<BigDecimal> strikes(String... values) {
        return Arrays.stream(values).map(v -> new BigDecimal(v).setScale(3)).toList();
    }

    private static BigDecimal k(String v) {
        return new BigDecimal(v).setScale(3);
    }

    @Test
    void dollarStrikesAroundTheMoney() {
        assertEquals(k("480"), etf.atTheMoney(480.37));
        assertEquals(k("481"), etf.atTheMoney(480.5)); // a tie goes up
        assertEquals(strikes("477", "478", "479", "480", "481", "482", "483"), etf.strikesAround(480.37, 3));
        assertEquals(41, etf.strikesAround(480.37, 20).size());
    }

    @Test
    void widerStepsFartherOut() {
        // Spot 100: $1 from 85 to 115, $5 from 50 to 150, nothing beyond.
        assertEquals(strikes("80", "85", "86", "87", "88", "89", "90"), etf.strikesBetween(100, 78, 90));
        assertEquals(strikes("114", "115", "120", "125"), etf.strikesBetween(100, 114, 125));
        assertEquals(strikes("140", "145", "150"), etf.strikesBetween(100, 140, 200));
        assertEquals(strikes("50", "55"), etf.strikesBetween(100, 10, 55));
        assertTrue(etf.isListed(100, k("86")));
        assertTrue(etf.isListed(100, k("80")));
        assertFalse(etf.isListed(100, k("81")));
        assertFalse(etf.isListed(100, k("85.5")));
        assertFalse(etf.isListed(100, k("160")));
    }

    @Test
    void strikesAroundStopAtTheGridsEnds() {
        StrikeGrid five = StrikeGrid.uniform(BigDecimal.valueOf(5), 0.10);
        assertEquals(strikes("90", "95", "100", "105", "110"), five.strikesAround(100, 5));
    }

    @Test
    void fractionalSteps() {
        StrikeGrid grid = new StrikeGrid(List.of(new StrikeGrid.Band(0.05, new BigDecimal("0.5")),
                new StrikeGrid.Band(0.30, BigDecimal.ONE)));
        assertEquals(strikes("19", "19.5", "20", "20.5", "21"), grid.strikesAround(20.1, 2));
        assertEquals(strikes("17", "18", "19", "19.5"), grid.strikesBetween(20.1, 16.9, 19.5));
    }

    @Test
    void nearestOutOfTheMoney() {
        // 5% below 480.37 is 456.35 → 456; 5% above is 504.39 → 504.
        assertEquals(k("456"), etf.nearestOtm(480.37, OptionRight.PUT, 0.05));
        assertEquals(k("504"), etf.nearestOtm(480.37, OptionRight.CALL, 0.05));
        // Ties go further out of the money: 97.5 → 97 for a put, 102.5 → 103 for a call.
        assertEquals(k("97"), etf.nearestOtm(100, OptionRight.PUT, 0.025));
        assertEquals(k("103"), etf.nearestOtm(100, OptionRight.CALL, 0.025));
        // 20% out lands on the $5 part of the grid: 384.30 → 385.
        assertEquals(k("385"), etf.nearestOtm(480.37, OptionRight.PUT, 0.20));
        assertThrows(IllegalArgumentException.class, () -> etf.nearestOtm(100, OptionRight.PUT, -1.5));
    }

    @Test
    void atOrAboveAndBelow() {
        assertEquals(k("481"), etf.atOrAbove(480.37, 480.37));
        assertEquals(k("480"), etf.atOrBelow(480.37, 480.37));
        assertEquals(k("480"), etf.atOrAbove(480.37, 480));
        assertNull(etf.atOrAbove(100, 151));
        assertNull(etf.atOrBelow(100, 49));
        assertEquals(k("150"), etf.nearest(100, 400)); // a target off the grid gives its end
        assertEquals(k("50"), etf.nearest(100, 1));
    }

    @Test
    void walkingTheGridFindsExactlyTheListedStrikes() {
        StrikeGrid fine = new StrikeGrid(List.of(new StrikeGrid.Band(0.03, new BigDecimal("0.5")),
                new StrikeGrid.Band(0.12, BigDecimal.ONE), new StrikeGrid.Band(0.25, new BigDecimal("2.5")),
                new StrikeGrid.Band(0.6, BigDecimal.TEN)));
        for (StrikeGrid grid : List.of(etf, fine)) {
            for (double spot : new double[] {7.3, 37.77, 100, 212.46, 480.37, 601.1}) {
                List<BigDecimal> expected = new java.util.ArrayList<>();
                for (long thousandths = 500; thousandths <= spot * 2000; thousandths += 500) {
                    BigDecimal strike = BigDecimal.valueOf(thousandths, 3);
                    if (grid.isListed(spot, strike)) {
                        expected.add(strike);
                    }
                }
                assertEquals(expected, grid.strikesBetween(spot, 0.001, spot * 2), "spot " + spot);
                if (!expected.isEmpty()) {
                    List<BigDecimal> around = grid.strikesAround(spot, 1000);
                    assertEquals(expected, around, "strikesAround at spot " + spot);
                }
            }
        }
    }

    @Test
    void refusesInconsistentBands() {
        assertThrows(IllegalArgumentException.class, () -> new StrikeGrid(List.of(
                new StrikeGrid.Band(0.2, BigDecimal.ONE), new StrikeGrid.Band(0.1, BigDecimal.TEN))));
        assertThrows(IllegalArgumentException.class, () -> new StrikeGrid(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new StrikeGrid.Band(0.1, new BigDecimal("0.0001")));
        assertThrows(IllegalArgumentException.class, () -> etf.strikesAround(-5, 3));
    }
}
