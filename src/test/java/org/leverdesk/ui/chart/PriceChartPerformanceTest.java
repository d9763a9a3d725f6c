package org.leverdesk.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.testing.SharedPrices;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.leverdesk.ui.shell.MainWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.framework.junit5.Start;

/**
 * All of TQQQ (4,000+ daily bars) with two overlays, RSI, volume and a marker every fifth bar:
 * setting the data, a zoomed-in frame with candles, a pan step and a hover hit-test each measured
 * from the call to the end of the next layout pulse (ChartFX draws in it). Medians are logged.
 */
@FxTest
class PriceChartPerformanceTest {
    private static final Logger LOG = LoggerFactory.getLogger(PriceChartPerformanceTest.class);
    private PriceChart chart;
    private Scene scene;

    @Start
    void start(Stage stage) {
        chart = new PriceChart();
        scene = new Scene(chart, 1100, 700);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void allOfTqqqDrawsZoomsPansAndHoversWithinAFrameBudget() throws Exception {
        PriceChartData data = data(SharedPrices.load("TQQQ"));
        int n = data.bars().size();
        assertTrue(n > 4000, "bars: " + n);
        double[] x = data.bars().x();
        int runs = 7;
        long[] set = new long[runs];
        long[] zoom = new long[runs];
        long[] pan = new long[runs];
        long[] hover = new long[runs];
        int candles = 0;
        for (int run = 0; run < runs; run++) {
            set[run] = millis(() -> chart.setData(data));
            assertEquals(0, chart.candlesDrawn(), "all " + n + " bars: the close line stands in for candles");
            int from = n - 260 - run * 10;
            zoom[run] = millis(() -> { chart.pricePane().xAxis().setAutoRanging(false); chart.pricePane().xAxis().set(x[from], x[from + 250]); });
            candles = chart.candlesDrawn();
            pan[run] = millis(() -> chart.pricePane().xAxis().set(x[from - 5], x[from + 245]));
            MarkerLayer layer = chart.markerLayer();
            TradeMarker target = data.markers().get((from + 100) / 5);
            long h0 = System.nanoTime();
            double[] c = layer.centreOf(target);
            TradeMarker hit = layer.markerAt(c[0], c[1]);
            hover[run] = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - h0);
            assertEquals(target, hit);
        }
        assertTrue(candles >= 240 && candles <= CandleLayer.MAX_CANDLES, "candles drawn when zoomed to 250 bars: " + candles);
        String figures = String.format("PriceChart %d bars: setData+draw median %d ms %s, zoom to 250 candles median %d ms %s, "
                + "pan median %d ms %s, hover hit-test median %d µs %s", n, median(set), Arrays.toString(set), median(zoom),
                Arrays.toString(zoom), median(pan), Arrays.toString(pan), median(hover), Arrays.toString(hover));
        LOG.info(figures);
        // Also written beside the snapshots: the test log level is WARN, and the figures are for people to read.
        java.nio.file.Files.createDirectories(Snapshots.directory());
        java.nio.file.Files.writeString(Snapshots.directory().resolve("price-chart-performance.txt"), figures + "\n");
        // Hover: a mouse move over a marker's triangle shows its text in the card.
        TradeMarker hovered = data.markers().get((n - 200) / 5);
        onFx(() -> {
            double[] c = chart.markerLayer().centreOf(hovered);
            javafx.geometry.Point2D scenePoint = chart.pricePane().chart().getPlotBackground().localToScene(c[0], c[1]);
            javafx.event.Event.fireEvent(chart.pricePane().chart(), new javafx.scene.input.MouseEvent(
                    javafx.scene.input.MouseEvent.MOUSE_MOVED, scenePoint.getX(), scenePoint.getY(), 0, 0,
                    javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false, false, null));
        });
        assertEquals(hovered.text(), chart.markerLayer().hoverText());
        Snapshots.write(chart, "price-chart-tqqq-zoomed.png");
        // Generous bounds for a shared machine rendering in software.
        assertTrue(median(set) < 500, "setData " + median(set) + " ms");
        assertTrue(median(zoom) < 200, "zoom " + median(zoom) + " ms");
        assertTrue(median(pan) < 200, "pan " + median(pan) + " ms");
    }

    private static long median(long[] values) {
        long[] v = Arrays.copyOfRange(values, 2, values.length); // the first runs warm up the JIT
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static PriceChartData data(BarSeries s) {
        int n = s.size();
        double[] x = new double[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        double[] sma = new double[n];
        double[] rsiLike = new double[n];
        List<TradeMarker> markers = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            x[i] = ChartSeries.epochSeconds(s.date(i));
            o[i] = s.open(i);
            h[i] = s.high(i);
            l[i] = s.low(i);
            c[i] = s.close(i);
            v[i] = s.volume(i);
            sum += c[i] - (i >= 20 ? c[i - 20] : 0);
            sma[i] = i >= 19 ? sum / 20 : Double.NaN;
            rsiLike[i] = i == 0 ? 50 : c[i] >= c[i - 1] ? 70 : 30;
            if (i % 5 == 0) {
                markers.add(new TradeMarker(x[i], i % 10 == 0, i % 15 == 0, "marker " + i));
            }
        }
        double[] lower = new double[n];
        for (int i = 0; i < n; i++) {
            lower[i] = sma[i] * 0.95;
        }
        return new PriceChartData(new OhlcBars("TQQQ", x, o, h, l, c, v),
                List.of(new ChartSeries("SMA 20", x, sma), new ChartSeries("Lower band", x, lower)),
                new ChartSeries("RSI", x, rsiLike), new double[] {30, 75, 90, 60}, markers);
    }

    private static void onFx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            action.run();
            done.complete(null);
        });
        done.get(30, TimeUnit.SECONDS);
    }

    /** Runs {@code action} on the FX thread; milliseconds until the end of the next layout pulse. */
    private long millis(Runnable action) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        long start = System.nanoTime();
        Platform.runLater(() -> {
            Runnable[] hook = new Runnable[1];
            hook[0] = () -> {
                scene.removePostLayoutPulseListener(hook[0]);
                done.complete(System.nanoTime());
            };
            action.run();
            scene.addPostLayoutPulseListener(hook[0]);
            Platform.requestNextPulse();
        });
        return TimeUnit.NANOSECONDS.toMillis(done.get(30, TimeUnit.SECONDS) - start);
    }
}
