package org.leverdesk.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.leverdesk.ui.FxTest;
import org.testfx.api.FxRobot;

/** Regime bands and day clicks on the time-series chart. */
@FxTest
class ChartBandsAndDayClickTest {
    private static final double D1 = ChartSeries.epochSeconds(LocalDate.parse("2024-01-02"));
    private static final double D2 = ChartSeries.epochSeconds(LocalDate.parse("2024-01-03"));
    private static final double D3 = ChartSeries.epochSeconds(LocalDate.parse("2024-01-05"));

    @Test
    void aBandCannotEndBeforeItStarts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ChartBand(D2, D1, Color.RED));
        assertEquals("band ends (" + D1 + ") before it starts (" + D2 + ")", e.getMessage());
    }

    @Test
    void theChartKeepsItsBandsUntilReplaced(FxRobot robot) {
        TimeSeriesChart[] c = new TimeSeriesChart[1];
        robot.interact(() -> {
            c[0] = new TimeSeriesChart("t", Double::toString);
            c[0].setBands(List.of(new ChartBand(D1, D2, Color.GREEN), new ChartBand(D2, D3, Color.RED)));
        });
        assertEquals(2, c[0].bands().size());
        robot.interact(() -> c[0].setBands(List.of()));
        assertEquals(List.of(), c[0].bands());
    }

    @Test
    void aClickPicksTheDayOfTheNearestBar(FxRobot robot) {
        List<ChartSeries> series = List.of(new ChartSeries("s", new double[] {D1, D2, D3}, new double[] {1, 2, 3}));
        DayClick[] click = new DayClick[1];
        robot.interact(() -> click[0] = new DayClick(() -> series));
        assertEquals(LocalDate.parse("2024-01-02"), click[0].dayAt(D1 + 3_600));
        assertEquals(LocalDate.parse("2024-01-03"), click[0].dayAt(D2 + 40_000));
        // 2024-01-04 has no bar: 13:00 on it is nearer to the 5th than to the 3rd
        assertEquals(LocalDate.parse("2024-01-05"), click[0].dayAt(D2 + 86_400 + 46_800));
        DayClick empty = new DayClick(List::of);
        assertNull(empty.dayAt(D1));
    }
}
