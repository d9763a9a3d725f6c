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
 * All of TQQQ (4,000+ daily bars since 2010) and all of QQQ (6,700 since 1999) in the backtest's
 * five-pane stack with two overlays, RSI, volume and a marker every fifth bar: setting the data, wheel
 * zoom notches, drag-pan steps and a hover hit-test, each measured from the call to the end of the
 * next layout pulse (ChartFX draws in it). Medians are written to price-chart-performance.txt.
 */
@FxTest
class PriceChartPerformanceTest {
    private static final Logger LOG = LoggerFactory.getLogger(PriceChartPerformanceTest.class);
    private PriceChart chart;
    private Scene scene;

    @Start
    void start(Stage stage) {
        chart = new PriceChart();
        scene = new Scene(chart, 1280, 800);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void allOfTqqqDrawsZoomsPansAndHoversWithinAFrameBudget() throws Exception {
        String tqqq = measure("TQQQ");
        String qqq = measure("QQQ");
        LOG.info("{}\n{}", tqqq, qqq);
        // Also written beside the snapshots: the test log level is WARN, and the figures are for people to read.
        java.nio.file.Files.createDirectories(Snapshots.directory());
        java.nio.file.Files.writeString(Snapshots.directory().resolve("price-chart-performance.txt"), tqqq + "\n" + qqq + "\n");
    }

    /**
     * One symbol's whole history in the five-pane backtest stack (price with candles, markers and two
     * overlays, volume, RSI, equity, drawdown): setting the data, wheel notches at full range, drag
     * steps of 20 px at one year and five years in view, each timed to the end of the next pulse.
     */
    private String measure(String symbol) throws Exception {
        PriceChartData data = data(SharedPrices.load(symbol));
        int n = data.bars().size();
        double[] x = data.bars().x();
        TimeSeriesChart equity = onFxGet(() -> {
            TimeSeriesChart e = new TimeSeriesChart("Equity", org.leverdesk.ui.common.Formats::wholeMoney);
            TimeSeriesChart dd = new TimeSeriesChart("Drawdown", org.leverdesk.ui.common.Formats::percentPoints);
            e.setLogScaleAllowed(true);
            e.setLogScale(true);
            chart = new PriceChart();
            chart.add(e, 1.8, 80);
            chart.add(dd, 0.9, 56);
            scene.setRoot(chart);
            double[] eq = new double[n];
            double[] draw = new double[n];
            for (int i = 0; i < n; i++) {
                eq[i] = 10_000 * data.bars().close()[i] / data.bars().close()[0];
                draw[i] = -10 * Math.abs(Math.sin(i / 50.0));
            }
            e.setSeries(List.of(new ChartSeries("Strategy", x, eq), new ChartSeries("Buy & hold", x, eq.clone())));
            dd.setSeries(List.of(new ChartSeries("Strategy", x, draw)));
            return e;
        });
        int runs = 7;
        long[] set = new long[runs];
        long[] setCpu = new long[runs];
        for (int run = 0; run < runs; run++) {
            set[run] = millis(() -> chart.setData(data));
            setCpu[run] = lastCpu;
        }
        assertEquals(0, chart.candlesDrawn(), "all " + n + " bars: the close line stands in for candles");
        ChartGroup group = equity.group();
        long[] wheel = new long[12];
        long[] wheelCpu = new long[12];
        for (int i = 0; i < wheel.length; i++) {
            if (i % 4 == 0) {
                onFx(group::resetZoom);
            }
            TimeRange r = group.visibleRange();
            double anchor = r.from() + r.span() * 0.7;
            wheel[i] = millis(() -> group.zoom(TimeSeriesChart.ZOOM_PER_NOTCH, anchor));
            wheelCpu[i] = lastCpu;
        }
        long[][] panYear = panSteps(group, x[n - 260], x[n - 1]);
        int candles = chart.candlesDrawn();
        long[][] panFiveYears = panSteps(group, x[Math.max(0, n - 1260)], x[n - 1]);
        // hover hit-test of a marker at one year in view
        onFx(() -> group.setRange(x[n - 260], x[n - 1]));
        waitPulse();
        MarkerLayer layer = chart.markerLayer();
        MarkerLayer.Group target = layer.drawnGroups().get(layer.drawnGroups().size() / 2);
        long h0 = System.nanoTime();
        MarkerLayer.Group hit = layer.groupAt(target.x(), target.centreY());
        long hover = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - h0);
        assertEquals(target, hit);
        assertTrue(candles >= 240 && candles <= CandleLayer.MAX_CANDLES, "candles drawn with a year in view: " + candles);
        Snapshots.write(chart, "price-chart-" + symbol.toLowerCase(java.util.Locale.ROOT) + "-year.png");
        String figures = String.format("%s %d bars (%s .. %s), five panes, median wall ms / FX-thread CPU ms per frame: "
                + "setData+draw %d / %d; wheel notch at full range %d / %d; 20 px drag with a year in view (candles) %d / %d; "
                + "with five years %d / %d; marker hit-test %d µs; load average %.1f. Wall: set %s wheel %s pan1y %s pan5y %s",
                symbol, n, ChartSeries.date(x[0]), ChartSeries.date(x[n - 1]), median(set), median(setCpu), median(wheel),
                median(wheelCpu), median(panYear[0]), median(panYear[1]), median(panFiveYears[0]), median(panFiveYears[1]), hover,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Arrays.toString(set),
                Arrays.toString(wheel), Arrays.toString(panYear[0]), Arrays.toString(panFiveYears[0]));
        // Bounds on the FX thread's own work, which other processes on a shared machine do not inflate.
        assertTrue(median(setCpu) < 500, "setData " + median(setCpu) + " ms CPU");
        assertTrue(median(wheelCpu) < 100, "zoom " + median(wheelCpu) + " ms CPU");
        assertTrue(median(panYear[1]) < 100, "pan " + median(panYear[1]) + " ms CPU");
        return figures;
    }

    /** Twenty 20-pixel drag steps to the left over {@code from..to}: {wall ms, FX-thread CPU ms} of each. */
    private long[][] panSteps(ChartGroup group, double from, double to) throws Exception {
        onFx(() -> group.setRange(from, to));
        waitPulse();
        double width = chart.pricePane().chart().getCanvas().getWidth();
        long[][] steps = new long[2][20];
        for (int i = 0; i < steps[0].length; i++) {
            double shift = -20 * group.visibleRange().span() / width;
            steps[0][i] = millis(() -> group.pan(shift));
            steps[1][i] = lastCpu;
        }
        return steps;
    }

    private void waitPulse() throws Exception {
        millis(() -> { });
    }

    private static <T> T onFxGet(java.util.function.Supplier<T> action) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> done.complete(action.get()));
        return done.get(30, TimeUnit.SECONDS);
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

    /** FX-thread CPU milliseconds of the last {@link #millis} call: what a frame cost, whatever else the machine ran. */
    private long lastCpu;

    /**
     * Runs {@code action} on the FX thread; wall milliseconds from its start to the end of the next
     * layout pulse (ChartFX draws in it). The FX thread's CPU time over the same span goes to {@link #lastCpu}.
     */
    private long millis(Runnable action) throws Exception {
        CompletableFuture<long[]> done = new CompletableFuture<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Platform.runLater(() -> {
            long start = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            Runnable[] hook = new Runnable[1];
            hook[0] = () -> {
                scene.removePostLayoutPulseListener(hook[0]);
                done.complete(new long[] {System.nanoTime() - start, threads.getCurrentThreadCpuTime() - cpu0});
            };
            action.run();
            scene.addPostLayoutPulseListener(hook[0]);
            Platform.requestNextPulse();
        });
        long[] t = done.get(60, TimeUnit.SECONDS);
        lastCpu = TimeUnit.NANOSECONDS.toMillis(t[1]);
        return TimeUnit.NANOSECONDS.toMillis(t[0]);
    }
}
