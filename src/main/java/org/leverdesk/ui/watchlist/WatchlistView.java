package org.leverdesk.ui.watchlist;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.leverdesk.ui.common.TableFit;
import org.leverdesk.ui.common.WhileShown;
import org.leverdesk.ui.common.form.TickerPicker;

/**
 * The watchlist panel: symbol, last price, change on the day (green or red) and a sparkline of the
 * last 30 closes; a ticker picker adds a symbol, Delete or the context menu removes one, a double
 * click charts it. Reads prices when shown and every 15 s while the market is open.
 */
public final class WatchlistView extends VBox {
    /** How often prices are read again while the market is open. */
    public static final Duration REFRESH = Duration.seconds(15);
    /** The table's border and room for a vertical scroll bar (many symbols), beside the columns. */
    private static final double TABLE_CHROME = 18;

    public WatchlistView(WatchlistViewModel viewModel, Supplier<List<String>> tickers, Consumer<String> chart) {
        getStyleClass().add("watchlist");
        setId("watchlist");
        setSpacing(6);
        Label title = new Label("Watchlist");
        title.getStyleClass().add("chart-heading");
        Label status = new Label();
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.setMinHeight(Label.USE_PREF_SIZE);
        status.textProperty().bind(viewModel.statusProperty());

        TableView<WatchRow> table = new TableView<>(viewModel.rows());
        table.setId("watchTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Add a symbol below"));
        TableColumn<WatchRow, String> symbol = column("Symbol", WatchRow::symbol, 66);
        symbol.setMinWidth(64);
        TableColumn<WatchRow, String> last = column("Last", WatchRow::lastText, 80);
        last.setMinWidth(76);
        last.getStyleClass().add("number-column");
        TableColumn<WatchRow, WatchRow> change = new TableColumn<>("Day");
        change.setPrefWidth(66);
        change.setMinWidth(60);
        change.getStyleClass().add("number-column");
        change.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        change.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(WatchRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("gain", "loss");
                // the percent fits a narrow column; the tooltip has the dollar change (or why there is no price)
                setText(empty || row == null ? null : changeCellText(row));
                setTooltip(empty || row == null ? null : new Tooltip(row.quote() == null ? row.note() : row.changeText()));
                if (!empty && row != null && row.direction() != 0) {
                    getStyleClass().add(row.direction() > 0 ? "gain" : "loss");
                }
            }
        });
        TableColumn<WatchRow, WatchRow> trend = new TableColumn<>("30 days");
        trend.setPrefWidth(70);
        trend.setMinWidth(50);
        trend.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        trend.setCellFactory(c -> new TableCell<>() {
            private final Sparkline spark = new Sparkline();

            @Override
            protected void updateItem(WatchRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null || row.quote() == null) {
                    setGraphic(null);
                } else {
                    spark.setValues(row.quote().recentCloses());
                    setGraphic(spark);
                }
            }
        });
        table.getColumns().setAll(List.of(symbol, last, change, trend));
        // wide enough for every price and change (never "$1,3…" or "+0.1…"); the panel does not shrink below that
        java.util.Map<TableColumn<WatchRow, ?>, java.util.function.Function<WatchRow, String>> texts = new java.util.LinkedHashMap<>();
        texts.put(symbol, WatchRow::symbol);
        texts.put(last, WatchRow::lastText);
        texts.put(change, WatchlistView::changeCellText);
        texts.put(trend, r -> "");
        TableFit.fit(table, texts);
        // as wide as its columns need (TableFit widens them to their text) plus a vertical scroll bar: at 1024×700 the
        // split pane gave the panel less and the 30-day column ran past its edge
        table.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> table.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum() + TABLE_CHROME,
                symbol.minWidthProperty(), last.minWidthProperty(), change.minWidthProperty(), trend.minWidthProperty()));
        setMinWidth(USE_PREF_SIZE);
        table.setRowFactory(t -> {
            TableRow<WatchRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    chart.accept(row.getItem().symbol());
                }
            });
            MenuItem remove = new MenuItem("Remove");
            remove.setOnAction(e -> viewModel.remove(row.getItem().symbol()));
            MenuItem show = new MenuItem("Chart");
            show.setOnAction(e -> chart.accept(row.getItem().symbol()));
            row.contextMenuProperty().bind(javafx.beans.binding.Bindings.when(row.emptyProperty()).then((ContextMenu) null)
                    .otherwise(new ContextMenu(show, remove)));
            return row;
        });
        table.setOnKeyPressed(e -> {
            WatchRow selected = table.getSelectionModel().getSelectedItem();
            if (selected != null && (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE)) {
                viewModel.remove(selected.symbol());
            } else if (selected != null && e.getCode() == KeyCode.ENTER) {
                chart.accept(selected.symbol());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        StringProperty adding = new SimpleStringProperty("");
        TickerPicker picker = new TickerPicker(adding, tickers);
        picker.setId("watchAdd");
        picker.setPromptText("Symbol");
        picker.setPrefWidth(110);
        Button add = new Button("Add");
        add.setId("watchAddButton");
        Runnable doAdd = () -> {
            viewModel.add(adding.get());
            if (viewModel.errorProperty().get().isEmpty()) {
                adding.set("");
            }
        };
        add.setOnAction(e -> doAdd.run());
        picker.getEditor().setOnAction(e -> doAdd.run());
        HBox addRow = new HBox(6, picker, add);
        addRow.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        getChildren().setAll(title, status, table, addRow, error);
        // Read prices once when shown; again every 15 s, but only while the market is open.
        WhileShown.every(this, REFRESH, () -> {
            if (viewModel.marketOpenProperty().get() || viewModel.rows().stream().anyMatch(r -> r.quote() == null && r.note().equals("loading…"))) {
                viewModel.refresh();
            }
        });
    }

    /** The Day column's text: the change in percent, or why there is no price ("loading…"). */
    private static String changeCellText(WatchRow row) {
        return row.quote() == null ? row.note() : row.changePercentText();
    }

    private static TableColumn<WatchRow, String> column(String title, java.util.function.Function<WatchRow, String> value, double width) {
        TableColumn<WatchRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }
}
