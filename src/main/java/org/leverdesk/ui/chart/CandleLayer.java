package org.leverdesk.ui.chart;

import java.util.Arrays;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;

/**
 * Paints candlesticks of {@link OhlcBars} on a canvas in the chart's plot background, only for the
 * bars in the visible date range. Above {@link #MAX_CANDLES} visible bars a candle would be under
 * about two pixels wide and thousands of rectangles cost more than they show, so nothing is painted
 * and the chart's close line (always drawn) is the picture; zooming in brings the candles back.
 */
final class CandleLayer {
    /** Most visible bars drawn as candles; beyond this the close line stands alone. */
    static final int MAX_CANDLES = 600;
    private static final Color UP = Color.web("#2e9e5b");
    private static final Color DOWN = Color.web("#d0483e");
    private final Canvas canvas = new Canvas();
    private final AfterLayout later = new AfterLayout(canvas, this::redraw);
    private final DefaultNumericAxis xAxis;
    private final DefaultNumericAxis yAxis;
    private OhlcBars bars = OhlcBars.empty();
    private int lastDrawn;
    private java.util.function.IntConsumer onDrawn = n -> { };

    CandleLayer(Pane plotBackground, DefaultNumericAxis xAxis, DefaultNumericAxis yAxis) {
        this.xAxis = xAxis;
        this.yAxis = yAxis;
        canvas.setManaged(false);
        canvas.setMouseTransparent(true);
        plotBackground.getChildren().add(canvas);
        plotBackground.widthProperty().addListener((o, a, w) -> resize(plotBackground));
        plotBackground.heightProperty().addListener((o, a, h) -> resize(plotBackground));
        for (DefaultNumericAxis axis : new DefaultNumericAxis[] {xAxis, yAxis}) {
            axis.minProperty().addListener((o, a, b) -> later.request());
            axis.maxProperty().addListener((o, a, b) -> later.request());
        }
        xAxis.widthProperty().addListener((o, a, b) -> later.request());
        yAxis.heightProperty().addListener((o, a, b) -> later.request());
    }

    void setBars(OhlcBars newBars) {
        bars = newBars;
        later.request();
    }

    /** Called after each redraw with the number of candles painted (0 when the close line stands alone). */
    void setOnDrawn(java.util.function.IntConsumer listener) {
        onDrawn = listener;
    }

    /** How many candles the last redraw painted (0 when it fell back to the close line). */
    int lastDrawn() {
        return lastDrawn;
    }

    private void resize(Pane owner) {
        canvas.setWidth(owner.getWidth());
        canvas.setHeight(owner.getHeight());
        later.request();
    }

    void redraw() {
        paint();
        onDrawn.accept(lastDrawn);
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        lastDrawn = 0;
        double min = xAxis.getMin();
        double max = xAxis.getMax();
        if (bars.size() == 0 || !(max > min)) {
            return;
        }
        double[] x = bars.x();
        int first = lowerBound(x, min);
        int last = lowerBound(x, Math.nextUp(max)) - 1;
        int visible = last - first + 1;
        if (visible <= 0 || visible > MAX_CANDLES) {
            return;
        }
        double step = Math.abs(xAxis.getDisplayPosition(max) - xAxis.getDisplayPosition(min)) / visible;
        double body = Math.max(1, Math.floor(step * 0.7));
        g.setLineWidth(1);
        for (int i = first; i <= last; i++) {
            double cx = Math.rint(xAxis.getDisplayPosition(x[i])) + 0.5;
            double o = yAxis.getDisplayPosition(bars.open()[i]);
            double c = yAxis.getDisplayPosition(bars.close()[i]);
            boolean up = bars.close()[i] >= bars.open()[i];
            Color color = up ? UP : DOWN;
            g.setStroke(color);
            g.strokeLine(cx, yAxis.getDisplayPosition(bars.high()[i]), cx, yAxis.getDisplayPosition(bars.low()[i]));
            g.setFill(color);
            g.fillRect(cx - body / 2, Math.min(o, c), body, Math.max(1, Math.abs(o - c)));
        }
        lastDrawn = visible;
    }

    /** First index with x[i] >= value. */
    static int lowerBound(double[] x, double value) {
        int i = Arrays.binarySearch(x, value);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && x[i - 1] == value) {
            i--;
        }
        return i;
    }
}
