package org.leverdesk.ui.chart;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;

/**
 * Paints {@link TradeMarker}s over the candles: ▲ under the bar's low for a buy, ▼ over its high for
 * a sell, and shows a marker's text in a small card while the pointer is within a few pixels of it.
 * Only markers in the visible range are drawn, and none while more than {@link #MAX_MARKERS} are
 * visible (years of daily trades would bury the price); hit-testing scans the visible ones.
 */
final class MarkerLayer {
    /** Most visible markers drawn; beyond this they would hide the price, so zooming in reveals them. */
    static final int MAX_MARKERS = 250;
    private static final double SIZE = 6;
    private static final double GAP = 4;
    private static final Color BUY = Color.web("#1f7a3f");
    private static final Color SELL = Color.web("#b3261e");
    private static final Color HEDGE_BUY = Color.web("#7b3fb5");
    private static final Color HEDGE_SELL = Color.web("#d17a00");
    private final Canvas canvas = new Canvas();
    private final AfterLayout later = new AfterLayout(canvas, this::redraw);
    private final Label card = new Label();
    private final DefaultNumericAxis xAxis;
    private final DefaultNumericAxis yAxis;
    private final Pane layer;
    private List<TradeMarker> markers = List.of();
    private OhlcBars bars = OhlcBars.empty();

    MarkerLayer(XYChart chart, DefaultNumericAxis xAxis, DefaultNumericAxis yAxis) {
        this.xAxis = xAxis;
        this.yAxis = yAxis;
        // The plot background is sized with the plot (the canvas foreground is not laid out in ChartFX
        // 11.3); markers sit over the candles and under the lines, offset from the bar so lines rarely cover them.
        this.layer = chart.getPlotBackground();
        canvas.setManaged(false);
        canvas.setMouseTransparent(true);
        card.setManaged(false);
        card.setMouseTransparent(true);
        card.setVisible(false);
        card.getStyleClass().add("marker-card");
        layer.getChildren().add(canvas);
        // The card goes above the lines (the plot foreground), positioned through scene coordinates.
        chart.getPlotForeground().getChildren().add(card);
        layer.widthProperty().addListener((o, a, w) -> resize());
        layer.heightProperty().addListener((o, a, h) -> resize());
        for (DefaultNumericAxis axis : new DefaultNumericAxis[] {xAxis, yAxis}) {
            axis.minProperty().addListener((o, a, b) -> later.request());
            axis.maxProperty().addListener((o, a, b) -> later.request());
        }
        chart.addEventFilter(MouseEvent.MOUSE_MOVED, this::hover);
        chart.addEventFilter(MouseEvent.MOUSE_EXITED, e -> card.setVisible(false));
    }

    void set(OhlcBars newBars, List<TradeMarker> newMarkers) {
        bars = newBars;
        markers = List.copyOf(newMarkers);
        card.setVisible(false);
        later.request();
    }

    private void resize() {
        canvas.setWidth(layer.getWidth());
        canvas.setHeight(layer.getHeight());
        later.request();
    }

    void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        double min = xAxis.getMin();
        double max = xAxis.getMax();
        if (!(max > min) || visibleCount(min, max) > MAX_MARKERS) {
            return;
        }
        for (TradeMarker m : markers) {
            if (m.x() < min || m.x() > max) {
                continue;
            }
            double[] p = position(m);
            if (p == null) {
                continue;
            }
            g.setFill(m.buy() ? (m.hedge() ? HEDGE_BUY : BUY) : (m.hedge() ? HEDGE_SELL : SELL));
            double x = p[0];
            double y = p[1];
            if (m.buy()) {
                g.fillPolygon(new double[] {x, x - SIZE, x + SIZE}, new double[] {y, y + 1.6 * SIZE, y + 1.6 * SIZE}, 3);
            } else {
                g.fillPolygon(new double[] {x, x - SIZE, x + SIZE}, new double[] {y, y - 1.6 * SIZE, y - 1.6 * SIZE}, 3);
            }
        }
    }

    private int visibleCount(double min, double max) {
        int n = 0;
        for (TradeMarker m : markers) {
            if (m.x() >= min && m.x() <= max) {
                n++;
            }
        }
        return n;
    }

    /** The tip of the marker's triangle in layer pixels, or null when its day has no bar. */
    private double[] position(TradeMarker m) {
        int i = CandleLayer.lowerBound(bars.x(), m.x());
        if (i >= bars.size() || bars.x()[i] != m.x()) {
            return null;
        }
        double x = xAxis.getDisplayPosition(m.x());
        double y = m.buy() ? yAxis.getDisplayPosition(bars.low()[i]) + GAP : yAxis.getDisplayPosition(bars.high()[i]) - GAP;
        return new double[] {x, y};
    }

    /** The marker whose triangle is nearest to (x, y) in layer pixels within a few pixels, or null. */
    TradeMarker markerAt(double x, double y) {
        TradeMarker best = null;
        double bestDistance = 2 * SIZE;
        double min = xAxis.getMin();
        double max = xAxis.getMax();
        if (visibleCount(min, max) > MAX_MARKERS) {
            return null;
        }
        for (TradeMarker m : markers) {
            if (m.x() < min || m.x() > max) {
                continue;
            }
            double[] p = position(m);
            if (p == null) {
                continue;
            }
            double cy = p[1] + (m.buy() ? 0.8 : -0.8) * SIZE;
            double d = Math.hypot(p[0] - x, cy - y);
            if (d <= bestDistance) {
                bestDistance = d;
                best = m;
            }
        }
        return best;
    }

    /** Where the marker's triangle is, in layer pixels (centre), or null when not drawn; for tests. */
    double[] centreOf(TradeMarker m) {
        double[] p = position(m);
        return p == null ? null : new double[] {p[0], p[1] + (m.buy() ? 0.8 : -0.8) * SIZE};
    }

    private void hover(MouseEvent e) {
        javafx.geometry.Point2D p = layer.sceneToLocal(e.getSceneX(), e.getSceneY());
        TradeMarker m = p == null ? null : markerAt(p.getX(), p.getY());
        if (m == null) {
            card.setVisible(false);
            return;
        }
        card.setText(m.text());
        card.autosize();
        double w = card.prefWidth(-1);
        double h = card.prefHeight(w);
        double x = p.getX() + 12 + w > layer.getWidth() ? p.getX() - 12 - w : p.getX() + 12;
        double y = Math.max(0, Math.min(p.getY() - h / 2, layer.getHeight() - h));
        javafx.geometry.Point2D at = card.getParent().sceneToLocal(layer.localToScene(x, y));
        card.resizeRelocate(at.getX(), at.getY(), w, h);
        card.setVisible(true);
    }

    /** The card's text while visible, else "" (for tests). */
    String hoverText() {
        return card.isVisible() ? card.getText() : "";
    }
}
