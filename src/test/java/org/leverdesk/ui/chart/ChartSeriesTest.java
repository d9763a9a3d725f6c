package org.leverdesk.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChartSeriesTest {
    private final ChartSeries series = new ChartSeries("s", new double[] {10, 20, 30}, new double[] {1, 2, 3});

    @Test
    void nearestIndexPicksTheCloserNeighbourAndClampsAtTheEnds() {
        assertEquals(0, series.nearestIndex(-5));
        assertEquals(0, series.nearestIndex(14.9));
        assertEquals(0, series.nearestIndex(15), "a tie goes to the earlier point");
        assertEquals(1, series.nearestIndex(15.1));
        assertEquals(1, series.nearestIndex(20));
        assertEquals(2, series.nearestIndex(26));
        assertEquals(2, series.nearestIndex(99));
        assertEquals(-1, new ChartSeries("e", new double[0], new double[0]).nearestIndex(1));
    }

    @Test
    void datesRoundTripThroughEpochSeconds() {
        LocalDate d = LocalDate.of(1999, 3, 10);
        assertEquals(921_024_000.0, ChartSeries.epochSeconds(d));
        assertEquals(d, ChartSeries.date(ChartSeries.epochSeconds(d)));
        assertEquals(LocalDate.of(1969, 12, 31), ChartSeries.date(-86_400));
    }

    @Test
    void lengthsMustMatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ChartSeries("x", new double[2], new double[3]));
        assertEquals("series 'x' has 2 x values but 3 y values", e.getMessage());
    }
}
