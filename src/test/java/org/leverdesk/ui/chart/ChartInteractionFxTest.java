package org.leverdesk.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The chart interactions a trader relies on, with real mouse moves and drags: left-drag pans, the
 * wheel zooms time and the value axis re-fits to what is in view, the crosshair reads every pane's
 * value on the day under the pointer, trade markers stay visible (grouped) at every zoom, an
 * oscillator over years is a line, and panes grow with the window. 1,200 weekdays of made-up bars:
 * a sine wave on a rising trend, so every window has its own low and high.
 */
@FxTest
class ChartInteractionFxTest {
    private static final int N = 1_200;
    private final double[] x = new double[N];
    private final double[] open = new double[N];
    private final double[] high = new double[N];
    private final double[] low = new double[N];
    private final double[] close = new double[N];
    private final double[] equity = new double[N];
    private final List<TradeMarker> markers = new ArrayList<>();
    private PriceChart chart;
    private TimeSeriesChart equityPane;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        LocalDate day = LocalDate.of(2019, 1, 2);
        double[] rsi = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = ChartSeries.epochSeconds(day);
            close[i] = 100 + i * 0.1 + 30 * Math.sin(i / 25.0);
            open[i] = close[i] - 0.5;
            high[i] = close[i] + 1;
            low[i] = close[i] - 1.5;
            equity[i] = 10_000 * (1 + i * 0.001);
            rsi[i] = i % 2 == 0 ? 90 : 10; // the worst case: a band when every point is drawn
            if (i % 3 == 0) {
                markers.add(new TradeMarker(x[i], i % 6 == 0, false, "trade " + i, "TEST"));
            }
            day = day.plusDays(day.getDayOfWeek().getValue() >= 5 ? 8 - day.getDayOfWeek().getValue() : 1);
        }
        double[] volume = new double[N];
        java.util.Arrays.fill(volume, 1_000_000);
        chart = new PriceChart();
        equityPane = new TimeSeriesChart("Equity", Formats::wholeMoney);
        equityPane.setId("testEquity");
        chart.add(equityPane, 1.5, 70);
        Scene scene = new Scene(chart, 1000, 700);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        chart.setData(new PriceChartData(new OhlcBars("TEST", x, open, high, low, close, volume), List.of(),
                new ChartSeries("RSI(2)", x, rsi), new double[] {30, 75}, markers));
        equityPane.setSeries(List.of(new ChartSeries("Strategy", x, equity)));
    }

    private TimeSeriesChart price() {
        return chart.pricePane();
    }

    private Bounds plot(TimeSeriesChart pane) {
        var canvas = pane.chart().getCanvas();
        return canvas.localToScreen(canvas.getBoundsInLocal());
    }

    /** The lowest low and highest high of the bars in {@code r}. */
    private double[] barsIn(TimeRange r) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < N; i++) {
            if (r.contains(x[i])) {
                lo = Math.min(lo, low[i]);
                hi = Math.max(hi, high[i]);
            }
        }
        return new double[] {lo, hi};
    }

    /** The price axis shows every bar in view and little else. */
    private void assertFitsBarsInView() {
        TimeRange r = price().group().visibleRange();
        double[] bars = barsIn(r);
        double min = price().yAxis().getMin();
        double max = price().yAxis().getMax();
        assertTrue(min <= bars[0] && max >= bars[1], "axis " + min + ".." + max + " must show bars " + bars[0] + ".." + bars[1]);
        assertTrue(max - min < 1.4 * (bars[1] - bars[0]), "axis " + min + ".." + max + " is fitted to bars " + bars[0] + ".." + bars[1]);
    }

    private void zoomTo(LocalDate from, LocalDate to) {
        robotInteract(() -> chart.zoomTo(from, to));
    }

    private void robotInteract(Runnable r) {
        new FxRobot().interact(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void leftDragPansTheDatesAndTheValueAxisFitsTheBarsNowInView(FxRobot robot) {
        zoomTo(LocalDate.of(2020, 3, 2), LocalDate.of(2020, 7, 31));
        TimeRange before = price().group().visibleRange();
        Bounds b = plot(price());
        double width = price().chart().getCanvas().getWidth();
        robot.moveTo(new Point2D(b.getMinX() + b.getWidth() * 0.7, b.getMinY() + b.getHeight() * 0.5))
                .press(MouseButton.PRIMARY).moveBy(-150, 0).moveBy(-150, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        TimeRange after = price().group().visibleRange();
        double expected = 300 * before.span() / width;
        assertEquals(before.span(), after.span(), 1, "panning keeps the zoom");
        assertEquals(before.from() + expected, after.from(), 86_400 * 2.0, "300 px to the left show later days");
        assertEquals(after, equityPane.group().visibleRange(), "every pane of the stack moved");
        assertEquals(after.from(), equityPane.xAxis().getMin(), 1e-6);
        assertFitsBarsInView();
    }

    @Test
    void theWheelZoomsTimeAroundThePointerAndTheValueAxisFollows(FxRobot robot) {
        TimeRange all = price().group().visibleRange();
        assertFitsBarsInView();
        Bounds b = plot(price());
        Point2D at = new Point2D(b.getMinX() + b.getWidth() * 0.75, b.getMinY() + b.getHeight() * 0.5);
        robot.moveTo(at);
        double anchor = robotValueAt(at);
        // a wheel turned three notches up; fired as an event because TestFX's wheel direction differs between platforms
        robotInteract(() -> {
            Point2D scene = price().chart().getScene().getRoot().screenToLocal(at);
            Event.fireEvent(price().chart().getCanvas(), new ScrollEvent(ScrollEvent.SCROLL, scene.getX(), scene.getY(), at.getX(), at.getY(),
                    false, false, false, false, false, false, 0, 120, 0, 120, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, new PickResult(price().chart().getCanvas(), scene.getX(), scene.getY())));
        });
        TimeRange zoomed = price().group().visibleRange();
        assertEquals(all.span() * Math.pow(TimeSeriesChart.ZOOM_PER_NOTCH, 3), zoomed.span(), 86_400, "three notches in");
        assertEquals(anchor, robotValueAt(at), 86_400, "the day under the pointer stays under it");
        assertFitsBarsInView();
        assertEquals(zoomed, chart.indicatorPane().group().visibleRange());
        robot.doubleClickOn(at, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(all, price().group().visibleRange(), "a double click shows everything again");
    }

    private double robotValueAt(Point2D screen) {
        Point2D scene = price().chart().getScene().getRoot().screenToLocal(screen);
        return price().valueAt(scene.getX());
    }

    @Test
    void theCrosshairReadsEveryPanesValueOnTheDayUnderThePointer(FxRobot robot) {
        Bounds b = plot(price());
        robot.moveTo(new Point2D(b.getMinX() + b.getWidth() * 0.4, b.getMinY() + b.getHeight() * 0.5));
        WaitForAsyncUtils.waitForFxEvents();
        double day = price().group().crosshairProperty().get();
        int i = java.util.Arrays.binarySearch(x, day);
        assertTrue(i > 0, "the crosshair snaps to a bar's day");
        assertTrue(price().readoutText().contains("C " + ChartFormats.price(close[i])), price().readoutText());
        assertTrue(price().readoutText().contains("O " + ChartFormats.price(open[i])), price().readoutText());
        assertTrue(equityPane.readoutText().contains("Strategy  " + Formats.wholeMoney(equity[i])), equityPane.readoutText());
        assertTrue(chart.indicatorPane().readoutText().contains("RSI(2)"), chart.indicatorPane().readoutText());
        assertTrue(chart.volumePane().readoutText().contains("Volume  1M"), chart.volumePane().readoutText());
        assertTrue(price().crosshairLayer().shown() && equityPane.crosshairLayer().shown(), "one vertical line through every pane");
        assertFalse(price().crosshairLayer().valueText().isEmpty(), "the pane under the pointer tags the value");
        assertEquals("", equityPane.crosshairLayer().valueText(), "only the pane under the pointer has the horizontal line");
        assertEquals(ChartSeries.date(day).toString(), equityPane.crosshairLayer().dateText(), "the bottom pane tags the day");
        Snapshots.write(chart, "chart-crosshair.png");

        robot.moveTo(new Point2D(b.getMinX() - 40, b.getMinY() - 40));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(price().crosshairLayer().shown(), "the crosshair leaves with the pointer");
        assertTrue(price().readoutText().contains("C " + ChartFormats.price(close[N - 1])), "then the legend reads the last day in view");
    }

    @Test
    void markersStayVisibleAtEveryZoomGroupedWhenDenseAndEveryKindHasALegendKey() {
        List<MarkerLayer.Group> all = chart.markerLayer().drawnGroups();
        assertEquals(markers.size(), all.stream().mapToInt(MarkerLayer.Group::count).sum(), "every trade is in a triangle");
        assertTrue(all.stream().anyMatch(g -> g.count() > 1), "dense trades are grouped");
        assertTrue(all.size() > 20, "yet still spread over the years: " + all.size());
        assertTrue(price().readoutText().length() > 0);
        assertTrue(new FxRobot().lookup("#groupedMarkersKey").tryQuery().isPresent(), "the grouped shape has a legend key");
        zoomTo(LocalDate.of(2020, 3, 2), LocalDate.of(2020, 4, 30));
        assertTrue(chart.markerLayer().drawnGroups().stream().allMatch(g -> g.count() == 1), "zoomed in, each trade has its own");
        assertTrue(new FxRobot().lookup("#groupedMarkersKey").tryQuery().isEmpty());
    }

    @Test
    void anOscillatorOverYearsIsAveragedIntoALineAndDrawnAsIsWhenZoomedIn() {
        assertTrue(chart.indicatorPane().readoutText().contains("-bar mean)"), chart.indicatorPane().readoutText());
        zoomTo(LocalDate.of(2020, 3, 2), LocalDate.of(2020, 4, 30));
        assertFalse(chart.indicatorPane().readoutText().contains("-bar mean)"), chart.indicatorPane().readoutText());
    }

    @Test
    void dateLabelsNeverOverlapAndNoneStickOutOfTheAxisAtAnyWidth() {
        for (double width : new double[] {520, 1000, 1500}) {
            robotInteract(() -> stage.setWidth(width));
            for (LocalDate[] range : new LocalDate[][] {{LocalDate.of(2019, 1, 2), LocalDate.of(2023, 8, 1)},
                    {LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)}, {LocalDate.of(2020, 3, 2), LocalDate.of(2020, 3, 31)}}) {
                zoomTo(range[0], range[1]);
                DateAxis axis = equityPane.xAxis();
                var ticks = axis.getTickMarks();
                assertTrue(ticks.size() >= 2, width + " px, " + range[0] + ": " + ticks.size() + " labels");
                double length = axis.getLength();
                for (int k = 0; k < ticks.size(); k++) {
                    var t = ticks.get(k);
                    assertTrue(t.getPosition() - t.getWidth() / 2 >= 0 && t.getPosition() + t.getWidth() / 2 <= length,
                            "label " + t.getText() + " lies on the axis");
                    if (k > 0) {
                        var prev = ticks.get(k - 1);
                        assertTrue(t.getPosition() - prev.getPosition() >= (t.getWidth() + prev.getWidth()) / 2,
                                prev.getText() + " and " + t.getText() + " overlap at " + width + " px");
                    }
                    assertTrue(t.getText().matches("\\d{4}(-\\d{2}(-\\d{2})?)?"), "ISO date label: " + t.getText());
                }
            }
        }
    }

    @Test
    void logScaleKeepsTheBarsFittedAndPanesGrowWithTheWindow() {
        robotInteract(() -> price().setLogScale(true));
        assertTrue(price().yAxis().isLogAxis());
        assertFitsBarsInView();
        assertTrue(price().yAxis().getTickMarks().size() >= 3, "enough labels on a log axis: " + price().yAxis().getTickMarks().size());

        robotInteract(() -> stage.setHeight(600));
        double small = equityPane.getHeight();
        double indicatorSmall = chart.indicatorPane().getHeight();
        robotInteract(() -> stage.setHeight(950));
        assertTrue(equityPane.getHeight() > small * 1.3, "equity pane " + small + " -> " + equityPane.getHeight());
        assertTrue(chart.indicatorPane().getHeight() > indicatorSmall * 1.3,
                "indicator pane " + indicatorSmall + " -> " + chart.indicatorPane().getHeight());
        for (TimeSeriesChart pane : chart.panes()) {
            if (pane.isVisible()) {
                assertTrue(pane.yAxis().getTickMarks().size() >= 2, pane.getId() + " has " + pane.yAxis().getTickMarks().size() + " labels");
            }
        }
    }
}
