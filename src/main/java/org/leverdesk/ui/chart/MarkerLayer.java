package org.leverdesk.ui.chart;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;

/**
 * Paints {@link TradeMarker}s over the candles: ▲ under the bar's low for a buy, ▼ over its high for
 * a sell, each kind in its colour. Markers of one kind closer than a marker's width are drawn as one
 * triangle with their count beside it, so trades stay visible at every zoom (years of daily trades
 * become a row of counted triangles instead of vanishing or burying the price). The pointer over a
 * triangle shows the trade, or the group's count and dates, in a card kept inside the pane.
 */
final class MarkerLayer {
    private static final double SIZE = 6;
    private static final double GAP = 4;
    /** Markers whose centres are closer than this many pixels are drawn as one. */
    static final double GROUP_PIXELS = 2 * SIZE + 3;
    private static final Font COUNT_FONT = Font.font("System", FontWeight.BOLD, 10);
    private final Canvas canvas = new Canvas();
    private final AfterLayout later = new AfterLayout(canvas, this::redraw);
    private final Label card = new Label();
    private final DefaultNumericAxis xAxis;
    private final DefaultNumericAxis yAxis;
    private final Pane layer;
    private final Map<TradeMarker.Kind, Color> colors = new EnumMap<>(TradeMarker.Kind.class);
    private List<TradeMarker> markers = List.of();
    private OhlcBars bars = OhlcBars.empty();
    private List<Group> drawn = List.of();
    private Consumer<Boolean> onGrouping = g -> { };

    /** Markers drawn as one triangle: their kind, members and where the triangle's tip is. */
    record Group(TradeMarker.Kind kind, List<TradeMarker> members, double x, double y) {
        int count() {
            return members.size();
        }

        /** The triangle's centre. */
        double centreY() {
            return y + (kind.up() ? 0.8 : -0.8) * SIZE;
        }
    }

    MarkerLayer(XYChart chart, DefaultNumericAxis xAxis, DefaultNumericAxis yAxis) {
        this.xAxis = xAxis;
        this.yAxis = yAxis;
        for (TradeMarker.Kind k : TradeMarker.Kind.values()) {
            colors.put(k, Color.web(k.color()));
        }
        // The plot background is sized with the plot (the canvas foreground is not laid out in ChartFX
        // 11.3); markers sit over the candles and under the lines, offset from the bar so lines rarely cover them.
        this.layer = chart.getPlotBackground();
        canvas.setManaged(false);
        canvas.setMouseTransparent(true);
        card.setManaged(false);
        card.setMouseTransparent(true);
        card.setVisible(false);
        card.setWrapText(true);
        card.setMaxWidth(360);
        card.getStyleClass().add("marker-card");
        layer.getChildren().add(canvas);
        // The card goes above the lines (the plot foreground), positioned through scene coordinates.
        chart.getPlotForeground().getChildren().add(card);
        layer.widthProperty().addListener((o, a, w) -> resize());
        layer.heightProperty().addListener((o, a, h) -> resize());
        for (DefaultNumericAxis axis : new DefaultNumericAxis[] {xAxis, yAxis}) {
            axis.minProperty().addListener((o, a, b) -> {
                card.setVisible(false);
                later.request();
            });
            axis.maxProperty().addListener((o, a, b) -> {
                card.setVisible(false);
                later.request();
            });
        }
        chart.addEventFilter(MouseEvent.MOUSE_MOVED, this::hover);
        chart.addEventFilter(MouseEvent.MOUSE_EXITED, e -> card.setVisible(false));
        chart.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> card.setVisible(false));
        chart.addEventFilter(ScrollEvent.SCROLL, e -> card.setVisible(false));
    }

    void set(OhlcBars newBars, List<TradeMarker> newMarkers) {
        bars = newBars;
        markers = List.copyOf(newMarkers);
        card.setVisible(false);
        later.request();
    }

    /** Told after each redraw whether any triangle stands for several trades (for the legend). */
    void setOnGrouping(Consumer<Boolean> listener) {
        onGrouping = listener;
    }

    private void resize() {
        canvas.setWidth(layer.getWidth());
        canvas.setHeight(layer.getHeight());
        later.request();
    }

    void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        drawn = groups();
        boolean grouped = false;
        g.setFont(COUNT_FONT);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (Group m : drawn) {
            g.setFill(colors.get(m.kind()));
            double x = m.x();
            double y = m.y();
            double dy = m.kind().up() ? 1.6 * SIZE : -1.6 * SIZE;
            g.fillPolygon(new double[] {x, x - SIZE, x + SIZE}, new double[] {y, y + dy, y + dy}, 3);
            if (m.count() > 1) {
                grouped = true;
                g.fillText(Integer.toString(m.count()), x + SIZE + 1, m.centreY());
            }
        }
        onGrouping.accept(grouped);
    }

    /** The visible markers grouped by kind and pixel distance, with their triangles' tips. */
    List<Group> groups() {
        double min = xAxis.getMin();
        double max = xAxis.getMax();
        List<Group> out = new ArrayList<>();
        if (!(max > min) || bars.size() == 0) {
            return out;
        }
        for (TradeMarker.Kind kind : TradeMarker.Kind.values()) {
            List<TradeMarker> run = new ArrayList<>();
            double runStart = Double.NaN;
            for (TradeMarker m : markers) {
                if (m.kind() != kind || m.x() < min || m.x() > max || barIndex(m) < 0) {
                    continue;
                }
                double px = xAxis.getDisplayPosition(m.x());
                if (!run.isEmpty() && px - runStart > GROUP_PIXELS) {
                    out.add(group(kind, run));
                    run = new ArrayList<>();
                }
                if (run.isEmpty()) {
                    runStart = px;
                }
                run.add(m);
            }
            if (!run.isEmpty()) {
                out.add(group(kind, run));
            }
        }
        return out;
    }

    private Group group(TradeMarker.Kind kind, List<TradeMarker> members) {
        double sumX = 0;
        double extreme = kind.up() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        for (TradeMarker m : members) {
            int i = barIndex(m);
            sumX += xAxis.getDisplayPosition(m.x());
            extreme = kind.up() ? Math.min(extreme, bars.low()[i]) : Math.max(extreme, bars.high()[i]);
        }
        double y = kind.up() ? yAxis.getDisplayPosition(extreme) + GAP : yAxis.getDisplayPosition(extreme) - GAP;
        return new Group(kind, List.copyOf(members), sumX / members.size(), y);
    }

    private int barIndex(TradeMarker m) {
        int i = CandleLayer.lowerBound(bars.x(), m.x());
        return i < bars.size() && bars.x()[i] == m.x() ? i : -1;
    }

    /** The triangle nearest to (x, y) in layer pixels within a few pixels, or null. */
    Group groupAt(double x, double y) {
        Group best = null;
        double bestDistance = 2 * SIZE;
        for (Group m : drawn) {
            double d = Math.hypot(m.x() - x, m.centreY() - y);
            if (d <= bestDistance) {
                bestDistance = d;
                best = m;
            }
        }
        return best;
    }

    /** The single marker whose triangle is at (x, y), or null (for tests and callers that want one trade). */
    TradeMarker markerAt(double x, double y) {
        Group g = groupAt(x, y);
        return g == null || g.count() != 1 ? null : g.members().get(0);
    }

    /** Where the marker's triangle is drawn, in layer pixels (centre), or null when not drawn; for tests. */
    double[] centreOf(TradeMarker m) {
        for (Group g : drawn) {
            if (g.members().contains(m)) {
                return new double[] {g.x(), g.centreY()};
            }
        }
        return null;
    }

    /** The triangles of the last redraw. */
    List<Group> drawnGroups() {
        return drawn;
    }

    /** The card's text for a triangle: the trade, or the group's count, kind and dates. */
    static String text(Group g) {
        if (g.count() == 1) {
            return g.members().get(0).text();
        }
        TradeMarker first = g.members().get(0);
        TradeMarker last = g.members().get(g.count() - 1);
        String symbol = first.symbol().isEmpty() ? "" : " " + first.symbol();
        String what = g.kind().ordinal() <= TradeMarker.Kind.HEDGE_SELL.ordinal() ? g.kind().label() + "s" + symbol
                : "× " + g.kind().label(); // "3 × put sold", not "3 put solds"
        return g.count() + " " + what + " from " + ChartSeries.date(first.x()) + " to "
                + ChartSeries.date(last.x()) + "\nzoom in to see each trade";
    }

    private void hover(MouseEvent e) {
        Point2D p = layer.sceneToLocal(e.getSceneX(), e.getSceneY());
        Group g = p == null ? null : groupAt(p.getX(), p.getY());
        if (g == null) {
            card.setVisible(false);
            return;
        }
        card.setText(text(g));
        card.applyCss();
        double w = Math.min(card.prefWidth(-1), Math.min(card.getMaxWidth(), layer.getWidth()));
        double h = card.prefHeight(w);
        // beside the pointer, flipped to the other side near an edge, never past the pane
        double x = p.getX() + 12 + w > layer.getWidth() ? p.getX() - 12 - w : p.getX() + 12;
        x = Math.max(0, Math.min(x, layer.getWidth() - w));
        double y = Math.max(0, Math.min(p.getY() - h / 2, layer.getHeight() - h));
        Point2D at = card.getParent().sceneToLocal(layer.localToScene(x, y));
        card.resizeRelocate(at.getX(), at.getY(), w, h);
        card.setVisible(true);
    }

    /** The card's text while visible, else "" (for tests). */
    String hoverText() {
        return card.isVisible() ? card.getText() : "";
    }
}
