package org.leverdesk.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.leverdesk.ui.FxTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The price pane and the equity chart share one date range: zooming either moves the other; volume and RSI follow. */
@FxTest
class SharedXRangeTest {
    @Test
    void zoomingThePricePaneOrTheEquityChartMovesBoth(FxRobot robot) {
        double[] x = new double[100];
        double[] y = new double[100];
        for (int i = 0; i < x.length; i++) {
            x[i] = ChartSeries.epochSeconds(LocalDate.of(2024, 1, 1).plusDays(i));
            y[i] = 10 + i;
        }
        OhlcBars bars = new OhlcBars("TQQQ", x, y, y.clone(), y.clone(), y.clone(), y.clone());
        TimeSeriesChart[] charts = new TimeSeriesChart[1];
        PriceChart[] price = new PriceChart[1];
        robot.interact(() -> {
            charts[0] = new TimeSeriesChart("Equity", Double::toString);
            TimeSeriesChart equity = charts[0];
            price[0] = new PriceChart();
            price[0].shareXRange(equity);
            Stage stage = new Stage();
            stage.setScene(new Scene(new VBox(price[0], equity), 800, 700));
            stage.show();
            equity.setSeries(List.of(new ChartSeries("Strategy", x, y)));
            price[0].setData(new PriceChartData(bars, List.of(), new ChartSeries("RSI(2)", x, y), new double[] {30}, List.of()));
        });
        WaitForAsyncUtils.waitForFxEvents();
        TimeSeriesChart equity = charts[0];
        assertTrue(price[0].indicatorShown());

        robot.interact(() -> price[0].zoomTo(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ChartSeries.epochSeconds(LocalDate.of(2024, 2, 1)), equity.xAxis().getMin());
        assertEquals(ChartSeries.epochSeconds(LocalDate.of(2024, 2, 29)), equity.xAxis().getMax());
        // the price axis fits the bars in view (closes 41 .. 69) with a few pixels to spare
        double min = price[0].pricePane().yAxis().getMin();
        double max = price[0].pricePane().yAxis().getMax();
        assertTrue(min <= 41 && min > 41 - 28 * 0.15, "min " + min);
        assertTrue(max >= 69 && max < 69 + 28 * 0.3, "max " + max);

        double from = ChartSeries.epochSeconds(LocalDate.of(2024, 3, 1));
        double to = ChartSeries.epochSeconds(LocalDate.of(2024, 3, 20));
        robot.interact(() -> equity.group().setRange(from, to));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(from, price[0].pricePane().xAxis().getMin());
        assertEquals(to, price[0].pricePane().xAxis().getMax());

        robot.interact(() -> price[0].setData(new PriceChartData(bars, List.of(), null, null, List.of())));
        assertFalse(price[0].indicatorShown(), "no indicator, no pane");
    }
}
