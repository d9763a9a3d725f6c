package org.leverdesk.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.MapMarketData;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.TestTaskExecutor;
import org.leverdesk.ui.shell.MainWindow;
import org.leverdesk.ui.symbols.SymbolDirectory;
import org.leverdesk.ui.symbolchart.SymbolChartView;
import org.leverdesk.ui.symbolchart.SymbolChartViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Chart view (ui.symbolchart) with the shared chart's interactions: the Log switch on the price pane, the range
 * buttons re-fitting the price axis to what they show, left-drag panning and the crosshair's readout.
 * Three years of a price growing 0.2% a session (a curve that needs a log axis to read evenly).
 */
@FxTest
class ChartViewInteractionFxTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T16:00:00Z"), ZoneOffset.UTC);
    private static final int N = 750;
    private final double[] closes = new double[N];
    private PriceChart chart;

    @Start
    void start(Stage stage) {
        for (int i = 0; i < N; i++) {
            closes[i] = 20 * Math.pow(1.002, i);
        }
        MapMarketData prices = new MapMarketData(Map.of("QQQ", Bars.flat("QQQ", new NyseCalendar(), LocalDate.of(2023, 1, 3), closes)),
                false);
        SymbolChartViewModel vm = new SymbolChartViewModel(prices, new SymbolDirectory(prices, null, null), null,
                new TestTaskExecutor(), CLOCK);
        Scene scene = new Scene(SymbolChartView.load(vm, null, null, List::of), 1024, 700);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        chart = (PriceChart) scene.lookup("#symbolPriceChart");
    }

    private TimeSeriesChart price() {
        return chart.pricePane();
    }

    private Bounds plot() {
        var canvas = price().chart().getCanvas();
        return canvas.localToScreen(canvas.getBoundsInLocal());
    }

    /**
     * The lowest and highest value drawn in the visible range: the closes and the moving averages
     * over them (on a rising price the 200-day SMA runs well below the last three months' closes,
     * and the axis must show it too).
     */
    private double[] valuesInView() {
        TimeRange r = price().group().visibleRange();
        double[] x = chart.data().bars().x();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (r.contains(x[i])) {
                lo = Math.min(lo, closes[i]);
                hi = Math.max(hi, closes[i]);
            }
        }
        for (ChartSeries overlay : chart.data().overlays()) {
            for (int i = 0; i < overlay.size(); i++) {
                if (r.contains(overlay.x()[i]) && Double.isFinite(overlay.y()[i])) {
                    lo = Math.min(lo, overlay.y()[i]);
                    hi = Math.max(hi, overlay.y()[i]);
                }
            }
        }
        return new double[] {lo, hi};
    }

    /** The lowest close of the whole history (the axis must not keep it when zoomed to the last months). */
    private double firstClose() {
        return closes[0];
    }

    private void assertAxisFitsTheBarsInView() {
        double[] c = valuesInView();
        double min = price().yAxis().getMin();
        double max = price().yAxis().getMax();
        assertTrue(min <= c[0] && max >= c[1], "axis " + min + ".." + max + " shows " + c[0] + ".." + c[1]);
        assertTrue(max - min < 1.5 * (c[1] - c[0]), "axis " + min + ".." + max + " is fitted to " + c[0] + ".." + c[1]);
        assertTrue(min > firstClose() * 1.5, "not the whole history's range: axis from " + min);
    }

    @Test
    void rangeButtonsLogSwitchDragAndCrosshairWorkInTheChartView(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.data().bars().size() == N);
        WaitForAsyncUtils.waitForFxEvents();
        // 3M shows the last three months and the price axis fits them (not the whole three years)
        robot.clickOn(robot.lookup("#zoom3m").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        TimeRange threeMonths = price().group().visibleRange();
        assertEquals(92, threeMonths.span() / 86_400, 3, "about three months in view");
        assertAxisFitsTheBarsInView();

        // the Log switch is on the price pane, and the axis stays fitted on it
        robot.clickOn(robot.lookup("#zoomAll").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        ToggleButton log = robot.from(price()).lookup((ToggleButton t) -> "Log".equals(t.getText())).query();
        assertTrue(log.isVisible(), "a log switch for prices");
        robot.clickOn(log);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(price().yAxis().isLogAxis());
        assertTrue(price().yAxis().getMin() <= closes[0] && price().yAxis().getMax() >= closes[N - 1]);

        // left-drag pans to earlier days and keeps the zoom
        robot.clickOn(robot.lookup("#zoom1y").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        TimeRange before = price().group().visibleRange();
        Bounds b = plot();
        robot.moveTo(new Point2D(b.getMinX() + b.getWidth() * 0.3, b.getMinY() + b.getHeight() * 0.5))
                .press(MouseButton.PRIMARY).moveBy(150, 0).moveBy(150, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        TimeRange after = price().group().visibleRange();
        assertEquals(before.span(), after.span(), 1, "panning keeps the zoom");
        assertTrue(after.from() < before.from() - 30 * 86_400.0, "dragged right: earlier days " + before + " → " + after);
        assertAxisFitsTheBarsInView();
        assertTrue(log.isSelected(), "the log axis stays on while panning");

        // the crosshair reads the close of the day under the pointer
        robot.moveTo(new Point2D(b.getMinX() + b.getWidth() * 0.5, b.getMinY() + b.getHeight() * 0.5));
        WaitForAsyncUtils.waitForFxEvents();
        double day = price().group().crosshairProperty().get();
        int i = java.util.Arrays.binarySearch(chart.data().bars().x(), day);
        assertTrue(i > 0, "the crosshair snaps to a session");
        assertTrue(price().readoutText().contains("C " + ChartFormats.price(closes[i])), price().readoutText());
        assertFalse(ChartSeries.date(day).isAfter(LocalDate.now(CLOCK)));
    }
}
