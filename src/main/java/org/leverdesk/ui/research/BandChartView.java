package org.leverdesk.ui.research;

import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.List;
import java.util.function.DoubleFunction;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.leverdesk.research.montecarlo.Band;
import org.leverdesk.ui.chart.LinePlot;

/** Monte Carlo bands after each trade (ChartFX): the 5th, 50th and 95th percentile and the run's own path. */
final class BandChartView extends VBox {
    private final LinePlot plot;

    BandChartView(String heading, DoubleFunction<String> format) {
        plot = new LinePlot(heading, "trades", format, 0.05, 140);
        getStyleClass().add("band-chart"); // its own line colours in the dark theme (workstation.css)
        VBox.setVgrow(plot, Priority.ALWAYS);
        getChildren().add(plot);
    }

    /** Shows {@code band} and {@code observed} (one value per step 0..n); null clears the chart. */
    void show(Band band, double[] observed) {
        if (band == null) {
            plot.show(List.of());
            return;
        }
        int n = band.steps();
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = k;
        }
        plot.show(List.of(
                new DoubleDataSet("95th percentile", x.clone(), band.p95().clone(), n, false),
                new DoubleDataSet("median", x.clone(), band.p50().clone(), n, false),
                new DoubleDataSet("5th percentile", x.clone(), band.p5().clone(), n, false),
                new DoubleDataSet("this run's order", x.clone(), observed.clone(), n, false)));
    }
}
