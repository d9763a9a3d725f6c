package org.leverdesk.indicator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.History;
import org.leverdesk.domain.LookAheadException;
import org.leverdesk.domain.SeriesIndicator;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.WeekdayCalendar;

class IndicatorsTest {
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
    private static final double[] RSI2 = {Double.NaN, Double.NaN, 0, 200.0 / 3, 40, 100 - 300.0 / 13};

    @Test
    void rsiMatchesHandComputedWilderValues() {
        BarSeries s = Bars.flat("X", CAL, MON, CLOSES);
        assertArrayEquals(RSI2, new Rsi(2).compute(s), 1e-9);
    }

    @Test
    void onlyGainsGive100AndNoMovementGivesZeroAndWarmUpIsNaN() {
        assertEquals(100.0, new Rsi(2).compute(Bars.flat("X", CAL, MON, 1, 2, 3, 4))[3], 1e-12);
        assertEquals(0.0, new Rsi(2).compute(Bars.flat("X", CAL, MON, 5, 5, 5))[2], 1e-12);
        double[] v = new Rsi(3).compute(Bars.flat("X", CAL, MON, 10, 11, 12, 13));
        assertTrue(Double.isNaN(v[0]) && Double.isNaN(v[1]) && Double.isNaN(v[2]));
        assertEquals(100.0, v[3], 1e-12);
    }

    @Test
    void smaBollingerAndVwapByHand() {
        // closes 10, 11, 10.5, 11.5, 11, 12: SMA(3) at bar 2 = 31.5 / 3 = 10.5; at bar 5 = 34.5 / 3 = 11.5
        BarSeries s = Bars.flat("X", CAL, MON, CLOSES);
        double[] sma = new Sma(3).compute(s);
        assertTrue(Double.isNaN(sma[1]));
        assertEquals(10.5, sma[2], 1e-12);
        assertEquals(11.5, sma[5], 1e-12);
        // bar 5 window 11.5, 11, 12: mean 11.5, population variance (0 + .25 + .25) / 3 = 1/6; k = 2
        assertEquals(11.5 - 2 * Math.sqrt(1.0 / 6), new BollingerLower(3, 2).compute(s)[5], 1e-12);
        // bars of (H, L, C, V): (12, 10, 11, 100), (13, 11, 12, 300): typical 11 and 12 -> (1100 + 3600) / 400 = 11.75
        BarSeries v = Bars.ohlc("V", new Object[] {"2024-01-08", 11, 12, 10, 11, 100L},
                new Object[] {"2024-01-09", 12, 13, 11, 12, 300L});
        assertEquals(11.75, new Vwap(2).compute(v)[1], 1e-12);
    }

    @Test
    void trailingSharpeByHandAndEqualToTheDirectComputationToTheLastBit() {
        // closes 100, 110, 99, 108.9: returns +10%, -10%, +10%; mean 1/30, sample stdev sqrt(0.02/1.5)
        // -> mean/sd = sqrt(1/12), x sqrt(252) = sqrt(21); bars 0..2 have fewer than 3 returns: NaN
        BarSeries s = Bars.flat("X", CAL, MON, 100, 110, 99, 108.9, 104, 111, 111);
        double[] v = new TrailingSharpe(3, 0).compute(s);
        assertTrue(Double.isNaN(v[0]) && Double.isNaN(v[2]));
        assertEquals(Math.sqrt(21), v[3], 1e-9);
        for (int i = 0; i < s.size(); i++) {
            final int bar = i;
            assertEquals(TrailingSharpe.at(s::adjClose, bar, 3, 0), v[i], 0.0, "bar " + i);
        }
        BarSeries flat = Bars.flat("F", CAL, MON, 50, 50, 50, 50);
        assertTrue(Double.isNaN(new TrailingSharpe(3, 0).compute(flat)[3]), "no movement: undefined");
        assertThrows(IllegalArgumentException.class, () -> new TrailingSharpe(1, 0));
    }

    @Test
    void everyIndicatorIsCausalAValueNeverChangesWhenLaterBarsArrive() {
        BarSeries full = Bars.flat("X", CAL, MON, 10, 11, 10.5, 11.5, 11, 12, 9, 13, 12.5, 14, 10, 15);
        for (SeriesIndicator ind : List.of(new Rsi(2), new Sma(3), new BollingerLower(4, 2), new Vwap(3), new TrailingSharpe(3, 0.01))) {
            double[] all = ind.compute(full);
            for (int n = 1; n <= full.size(); n++) {
                double[] prefix = ind.compute(full.between(full.firstDate(), full.date(n - 1)));
                for (int i = 0; i < n; i++) {
                    assertEquals(all[i], prefix[i], 0.0, ind.key() + " bar " + i + " with " + n + " bars");
                }
            }
        }
    }

    @Test
    void historyReadsAnIndicatorUpToTodayOnlyAndComputesItOncePerSeries() {
        BarSeries s = Bars.flat("X", CAL, MON, CLOSES);
        History today = new History(s, 3);
        assertEquals(200.0 / 3, today.latest(new Rsi(2)), 1e-9);
        assertEquals(0.0, today.indicator(new Rsi(2), 2), 1e-12);
        assertThrows(LookAheadException.class, () -> today.indicator(new Rsi(2), 4));
        int[] computed = {0};
        SeriesIndicator counting = new SeriesIndicator() {
            public String key() { return "counting"; }
            public double[] compute(BarSeries series) { computed[0]++; return new double[series.size()]; }
        };
        for (int i = 0; i < s.size(); i++) {
            new History(s, i).latest(counting);
        }
        assertEquals(1, computed[0], "computed once for the series, whatever the day");
        assertSame(s, s); // the cache lives with the series: another series computes its own
        // A range covering every bar is the series itself, so each run of a sweep over the whole history
        // reads the values already computed; a shorter range is a new series that computes its own.
        assertSame(s, s.between(MON.minusDays(30), s.lastDate().plusDays(30)));
        new History(s.between(MON.minusDays(30), s.lastDate()), 5).latest(counting);
        assertEquals(1, computed[0]);
        new History(s.between(MON, s.date(4)), 4).latest(counting);
        assertEquals(2, computed[0]);
    }
}
