package org.leverdesk.ui.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Keeps table columns at least as wide as their header and every row's text, so a price, a date or a
 * state is never shown cut off ("50.0…", "Sym…"). The widths are re-measured whenever the rows change,
 * with the fonts the theme gave the table's header and cells. A column left out (a free-text one such
 * as "Last decision") takes what is left and wraps; when the measured columns need more than the table
 * is wide, the table scrolls sideways instead of cutting them.
 */
public final class TableFit {
    /** Room for the cell's padding on both sides and the column's border. */
    public static final double PADDING = 22;

    private TableFit() {
    }

    /**
     * Fits {@code columns} (each with the text its cells show for a row) of {@code table}. The map is read
     * again at each measure, so a table whose columns change (the Research view's) refills it in place.
     */
    public static <R> void fit(TableView<R> table, Map<TableColumn<R, ?>, Function<R, String>> columns) {
        Runnable measure = () -> measure(table, new LinkedHashMap<>(columns));
        table.getItems().addListener((ListChangeListener<R>) c -> Platform.runLater(measure));
        table.itemsProperty().addListener((o, was, is) -> {
            is.addListener((ListChangeListener<R>) c -> Platform.runLater(measure));
            Platform.runLater(measure);
        });
        // the theme's fonts are known once the table is shown
        table.skinProperty().addListener((o, was, is) -> Platform.runLater(measure));
        // and change with the theme (the dark Primer's bold headings cut "Similarity" to "Similar…" after a switch):
        // the theme manager swaps the root's theme class, then the table is styled anew and measured again
        ListChangeListener<String> themeSwitch = c -> Platform.runLater(() -> {
            table.applyCss();
            measure.run();
        });
        table.getProperties().put(TableFit.class, themeSwitch); // held by the table; the root holds it weakly
        table.sceneProperty().addListener((o, was, is) -> {
            if (is != null && is.getRoot() != null) {
                is.getRoot().getStyleClass().addListener(new javafx.collections.WeakListChangeListener<>(themeSwitch));
            }
        });
        measure.run();
    }

    private static <R> void measure(TableView<R> table, Map<TableColumn<R, ?>, Function<R, String>> columns) {
        Font cellFont = fontOf(table.lookup(".table-cell"), Font.getDefault());
        Font headerFont = fontOf(table.lookup(".column-header .label"), cellFont);
        for (Map.Entry<TableColumn<R, ?>, Function<R, String>> e : columns.entrySet()) {
            double widest = width(e.getKey().getText(), headerFont);
            for (R row : table.getItems()) {
                widest = Math.max(widest, width(e.getValue().apply(row), cellFont));
            }
            double min = Math.ceil(widest + PADDING);
            e.getKey().setMinWidth(min);
            if (e.getKey().getPrefWidth() < min) {
                e.getKey().setPrefWidth(min);
            }
        }
    }

    private static Font fontOf(Node node, Font fallback) {
        return node instanceof Labeled l && l.getFont() != null ? l.getFont() : fallback;
    }

    /** The width {@code text} takes in {@code font}; 0 for none. */
    static double width(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** A cell whose text wraps onto more lines (the row grows) rather than ending in "…". */
    public static <R> TableCell<R, String> wrapping(TableColumn<R, String> column) {
        return new TableCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(TableFit.PADDING));
                text.fillProperty().bind(textFillProperty());
                text.fontProperty().bind(fontProperty());
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
                // centred in a tall row like the row's other cells, not at its top
                setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty ? null : item);
                setText(empty ? null : item);
                setGraphic(empty ? null : text);
            }
        };
    }
}
