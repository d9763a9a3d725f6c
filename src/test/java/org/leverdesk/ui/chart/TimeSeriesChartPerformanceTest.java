package org.leverdesk.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.shell.MainWindow;
import org.leverdesk.ui.Snapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.framework.junit5.Start;

/**
 * 25 years of daily bars (6,500 points) in two series must draw in well under a frame budget a
 * user notices. Measures setSeries plus ChartFX's layout and canvas drawing in the next pulse,
 * and separately a full software-rendered snapshot of the scene.
 */
@FxTest
class TimeSeriesChartPerformanceTest {
    private static final Logger LOG = LoggerFactory.getLogger(TimeSeriesChartPerformanceTest.class);
    private static final int POINTS = 6_500;

    private TimeSeriesChart chart;
    private Scene scene;

    @Start
    void start(Stage stage) {
        chart = new TimeSeriesChart("Equity", Formats::wholeMoney);
        scene = new Scene(chart, 1100, 600);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void twoSeriesOf6500DailyPointsDrawInUnderHalfASecond() throws Exception {
        long[] drawMillis = new long[7];
        long[] snapshotMillis = new long[drawMillis.length];
        for (int run = 0; run < drawMillis.length; run++) {
            List<ChartSeries> series = randomWalks(run);
            long start = System.nanoTime();
            long drawn = afterNextPulse(() -> chart.setSeries(series));
            drawMillis[run] = TimeUnit.NANOSECONDS.toMillis(drawn - start);
            long s0 = System.nanoTime();
            onFx(() -> scene.snapshot(null));
            snapshotMillis[run] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - s0);
        }
        assertEquals(POINTS, chart.series().get(0).size());
        // The first runs warm up the JIT; report the median of the rest.
        long[] draw = Arrays.copyOfRange(drawMillis, 2, drawMillis.length);
        long[] snap = Arrays.copyOfRange(snapshotMillis, 2, snapshotMillis.length);
        Arrays.sort(draw);
        Arrays.sort(snap);
        LOG.info("TimeSeriesChart 2 x {} points: setSeries + layout + canvas draw median {} ms (all runs {}), "
                + "full scene snapshot median {} ms (all runs {})", POINTS, draw[draw.length / 2],
                Arrays.toString(drawMillis), snap[snap.length / 2], Arrays.toString(snapshotMillis));
        Snapshots.write(chart, "time-series-chart-6500x2.png");
        // Generous bound: the machine is shared and renders in software; typical figures are far lower.
        assertTrue(draw[draw.length / 2] < 500, "median draw time " + draw[draw.length / 2] + " ms");
    }

    /** Runs {@code action} on the FX thread and returns System.nanoTime() at the end of the next layout pulse. */
    private long afterNextPulse(Runnable action) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            Runnable[] hook = new Runnable[1];
            hook[0] = () -> {
                scene.removePostLayoutPulseListener(hook[0]);
                done.complete(System.nanoTime());
            };
            action.run();
            // Registered after the chart's own hooks, so it runs once the chart has drawn.
            scene.addPostLayoutPulseListener(hook[0]);
            Platform.requestNextPulse();
        });
        return done.get(30, TimeUnit.SECONDS);
    }

    private static void onFx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            action.run();
            done.complete(null);
        });
        done.get(30, TimeUnit.SECONDS);
    }

    private static List<ChartSeries> randomWalks(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[POINTS];
        LocalDate day = LocalDate.of(1999, 3, 10);
        for (int i = 0; i < POINTS; i++) {
            x[i] = ChartSeries.epochSeconds(day);
            day = day.plusDays(day.getDayOfWeek().getValue() >= 5 ? 8 - day.getDayOfWeek().getValue() : 1);
        }
        List<ChartSeries> list = new ArrayList<>();
        for (String name : List.of("Strategy", "Benchmark")) {
            double[] y = new double[POINTS];
            double v = 10_000;
            for (int i = 0; i < POINTS; i++) {
                v *= 1 + 0.0004 + 0.015 * random.nextGaussian();
                y[i] = v;
            }
            list.add(new ChartSeries(name, x, y));
        }
        return list;
    }
}
