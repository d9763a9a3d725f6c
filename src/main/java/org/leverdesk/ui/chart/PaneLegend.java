package org.leverdesk.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;

/**
 * The legend over a pane's top-left corner that is also its readout: the pane's title, then each
 * line's colour, name and value on the day under the crosshair (or the last day in view when the
 * mouse is elsewhere), then any extra keys (the trade markers' shapes). Sits over the plot so the
 * chart keeps the pane's height; the pane keeps its data clear of it.
 */
final class PaneLegend extends FlowPane {
    private final Label title = new Label();
    private final Label head = new Label();
    private final List<Label> items = new ArrayList<>();
    private final List<Node> extras = new ArrayList<>();

    PaneLegend() {
        super(10, 0);
        getStyleClass().add("pane-legend");
        setPickOnBounds(false);
        setMouseTransparent(true);
        title.getStyleClass().add("pane-legend-title");
        head.getStyleClass().add("pane-legend-item");
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        rebuild();
    }

    void setTitle(String text) {
        title.setText(text);
        rebuild();
    }

    String title() {
        return title.getText();
    }

    /** Extra keys after the lines (e.g. the trade marker shapes); an empty list removes them. */
    void setExtras(List<? extends Node> nodes) {
        extras.clear();
        extras.addAll(nodes);
        rebuild();
    }

    /** One item per line, named and coloured; values are filled in by {@link #show}. */
    void setLines(List<ChartSeries> lines, List<Color> colors, int hidden) {
        items.clear();
        for (int i = 0; i < lines.size(); i++) {
            Line swatch = new Line(0, 0, 12, 0);
            swatch.setStroke(colors.get(i));
            swatch.setStrokeWidth(2.5);
            Label item = new Label("", swatch);
            item.getStyleClass().add("pane-legend-item");
            item.setVisible(i != hidden);
            item.setManaged(i != hidden);
            items.add(item);
        }
        rebuild();
    }

    /**
     * Writes each line's value at {@code x} (its exact day; "—" when it has none), with {@code head}
     * (e.g. the bar's open/high/low/close) after the title.
     */
    void show(List<ChartSeries> lines, double x, DoubleFunction<String> format, String headText, int[] smoothing) {
        head.setText(headText == null ? "" : headText);
        head.setVisible(headText != null && !headText.isEmpty());
        head.setManaged(head.isVisible());
        for (int i = 0; i < items.size() && i < lines.size(); i++) {
            ChartSeries s = lines.get(i);
            double v = Double.isNaN(x) ? Double.NaN : s.valueOn(x);
            String name = s.name() + (smoothing != null && smoothing[i] > 1 ? " (" + smoothing[i] + "-bar mean)" : "");
            items.get(i).setText(name + "  " + (Double.isNaN(v) ? org.leverdesk.ui.common.Formats.MISSING : format.apply(v)));
        }
    }

    /** The legend as one line of text, as shown (for tests and the readout). */
    String text() {
        StringBuilder b = new StringBuilder(title.getText());
        if (head.isVisible()) {
            b.append("  ").append(head.getText());
        }
        for (Label l : items) {
            if (l.isVisible()) {
                b.append(" · ").append(l.getText());
            }
        }
        return b.toString();
    }

    private void rebuild() {
        List<Node> all = new ArrayList<>();
        if (!title.getText().isEmpty()) {
            all.add(title);
        }
        all.add(head);
        all.addAll(items);
        all.addAll(extras);
        getChildren().setAll(all);
        // an empty legend would be a blank strip over an empty pane
        setOpacity(title.getText().isEmpty() && items.isEmpty() && extras.isEmpty() ? 0 : 1);
    }
}
