package org.leverdesk.ui.chart;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;

/**
 * Paints {@link ChartBand}s on a canvas in the chart's plot background, under the data. One
 * rectangle per band, clipped to the visible range, so decades of regime changes (a few hundred
 * bands) redraw in microseconds on every zoom or pan.
 */
final class BandLayer {
    private final Canvas canvas = new Canvas();
    private final DefaultNumericAxis xAxis;
    private List<ChartBand> bands = List.of();

    private final Pane owner;

    BandLayer(Pane plotBackground, DefaultNumericAxis xAxis) {
        this.xAxis = xAxis;
        this.owner = plotBackground;
        canvas.setManaged(false);
        canvas.setMouseTransparent(true);
        canvas.getStyleClass().add("band-layer");
        plotBackground.getChildren().add(canvas);
        plotBackground.widthProperty().addListener((o, a, w) -> resize(plotBackground));
        plotBackground.heightProperty().addListener((o, a, h) -> resize(plotBackground));
        xAxis.minProperty().addListener((o, a, b) -> redraw());
        xAxis.maxProperty().addListener((o, a, b) -> redraw());
        xAxis.widthProperty().addListener((o, a, b) -> redraw());
    }

    void setBands(List<ChartBand> newBands) {
        bands = List.copyOf(newBands);
        resize(owner);
    }

    List<ChartBand> bands() {
        return bands;
    }

    private void resize(Pane owner) {
        // a canvas holds a pixel buffer of its size: none while there is nothing to shade
        canvas.setWidth(bands.isEmpty() ? 0 : owner.getWidth());
        canvas.setHeight(bands.isEmpty() ? 0 : owner.getHeight());
        redraw();
    }

    void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        double min = xAxis.getMin();
        double max = xAxis.getMax();
        if (bands.isEmpty() || !(max > min)) {
            return;
        }
        for (ChartBand b : bands) {
            if (b.toX() < min || b.fromX() > max) {
                continue;
            }
            double x0 = Math.max(0, xAxis.getDisplayPosition(Math.max(min, b.fromX())));
            double x1 = Math.min(w, xAxis.getDisplayPosition(Math.min(max, b.toX())));
            g.setFill(b.color());
            // at least one pixel wide so a one-day regime stays visible when zoomed out
            g.fillRect(Math.floor(x0), 0, Math.max(1, Math.ceil(x1) - Math.floor(x0)), h);
        }
    }
}
