package org.leverdesk.strategy.meanreversion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.History;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.WeekdayCalendar;
import org.junit.jupiter.api.Test;

class CachedRsiTest {
    private static final WeekdayCalendar CAL = new WeekdayCalendar();
    private static final LocalDate MON = LocalDate.parse("2024-01-08");

    /*
     * Hand-computed Wilder RSI(2), ta4j 0.22.2 seeding (averages start as bar 2's own gain/loss):
     * closes 10, 11, 10.5, 11.5, 11, 12; gains -, 1, 0, 1, 0, 1; losses -, 0, .5, 0, .5, 0
     * bar 2: avgG 0, avgL .5 -> RSI 0
     * bar 3: avgG 0 + (1 - 0)/2 = .5, avgL .5 + (0 - .5)/2 = .25 -> RS 2 -> 100 - 100/3 = 66.667
     * bar 4: avgG .25, avgL .375 -> RS 2/3 -> 100 - 100/(5/3) = 40
     * bar 5: avgG .625, avgL .1875 -> RS 10/3 -> 100 - 100/(13/3) = 76.923
     */
    private static final double[] CLOSES = {10, 11, 10.5, 11.5, 11, 12};
    private static final double[] EXPECTED = {Double.NaN, Double.NaN, 0, 200.0 / 3, 40, 100 - 300.0 / 13};

    @Test
    void matchesHandComputedWilderValues() {
        BarSeries s = Bars.flat("X", CAL, MON, CLOSES);
        assertArrayEquals(EXPECTED, new CachedRsi(2).values(new History(s, s.size() - 1)), 1e-9);
    }

    @Test
    void growingHistoryGivesTheSameValuesAsOneFullPass() {
        BarSeries s = Bars.flat("X", CAL, MON, CLOSES);
        CachedRsi rsi = new CachedRsi(2);
        for (int i = 0; i < s.size(); i++) {
            double v = rsi.latest(new History(s, i));
            assertEquals(EXPECTED[i], v, 1e-9, "bar " + i);
        }
    }

    @Test
    void onlyGainsGive100AndNoMovementGivesZero() {
        BarSeries up = Bars.flat("X", CAL, MON, 1, 2, 3, 4);
        assertEquals(100.0, new CachedRsi(2).latest(new History(up, 3)), 1e-12);
        BarSeries flat = Bars.flat("X", CAL, MON, 5, 5, 5);
        assertEquals(0.0, new CachedRsi(2).latest(new History(flat, 2)), 1e-12);
    }

    @Test
    void aDifferentSeriesRebuildsInsteadOfReusingStaleValues() {
        CachedRsi rsi = new CachedRsi(2);
        BarSeries a = Bars.flat("X", CAL, MON, CLOSES);
        rsi.latest(new History(a, a.size() - 1));
        // same length, bar 3 corrected from 11.5 to 9.5: bar 3 is now a loss of 1
        BarSeries b = Bars.flat("X", CAL, MON, 10, 11, 10.5, 9.5);
        // avgG 0 + (0 - 0)/2 = 0 -> RSI 0
        assertEquals(0.0, rsi.latest(new History(b, 3)), 1e-12);
        assertEquals(200.0 / 3, rsi.latest(new History(a, 3)), 1e-9);
    }

    @Test
    void warmUpIsNaNForTheFirstPeriodBars() {
        BarSeries s = Bars.flat("X", CAL, MON, 10, 11, 12, 13);
        double[] v = new CachedRsi(3).values(new History(s, 3));
        assertTrue(Double.isNaN(v[0]) && Double.isNaN(v[1]) && Double.isNaN(v[2]));
        assertEquals(100.0, v[3], 1e-12);
    }
}
