package org.leverdesk.ui.orders;

import eu.hansolo.tilesfx.Tile;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.leverdesk.ui.common.FxmlViews;
import org.leverdesk.ui.common.WhileShown;

/** The Orders &amp; Positions view, bound to an {@link OrdersViewModel}; refreshes every few seconds while shown. */
public final class OrdersView {
    /** How often the shown view reloads from the broker. */
    public static final Duration REFRESH_EVERY = Duration.seconds(5);

    private final OrdersViewModel viewModel;

    @FXML private Label accountLabel;
    @FXML private Label stateLabel;
    @FXML private Label updatedLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button haltButton;
    @FXML private Label errorLabel;
    @FXML private Label statusLabel;
    @FXML private HBox tilesBox;
    @FXML private TableView<PositionRow> positionsTable;
    @FXML private TableColumn<PositionRow, String> posSymbolColumn;
    @FXML private TableColumn<PositionRow, String> posQuantityColumn;
    @FXML private TableColumn<PositionRow, String> posAverageColumn;
    @FXML private TableColumn<PositionRow, String> posPriceColumn;
    @FXML private TableColumn<PositionRow, String> posValueColumn;
    @FXML private TableColumn<PositionRow, PositionRow> posProfitColumn;
    @FXML private TableColumn<PositionRow, PositionRow> posPercentColumn;
    @FXML private TableView<OpenOrderRow> openOrdersTable;
    @FXML private TableColumn<OpenOrderRow, String> openSubmittedColumn;
    @FXML private TableColumn<OpenOrderRow, String> openSymbolColumn;
    @FXML private TableColumn<OpenOrderRow, String> openSideColumn;
    @FXML private TableColumn<OpenOrderRow, String> openQuantityColumn;
    @FXML private TableColumn<OpenOrderRow, String> openTypeColumn;
    @FXML private TableColumn<OpenOrderRow, String> openPriceColumn;
    @FXML private TableColumn<OpenOrderRow, String> openStatusColumn;
    @FXML private TableColumn<OpenOrderRow, String> openClientIdColumn;
    @FXML private TableColumn<OpenOrderRow, OpenOrderRow> openCancelColumn;
    @FXML private TableView<HistoryRow> historyTable;
    @FXML private TableColumn<HistoryRow, String> histCreatedColumn;
    @FXML private TableColumn<HistoryRow, String> histStrategyColumn;
    @FXML private TableColumn<HistoryRow, String> histSymbolColumn;
    @FXML private TableColumn<HistoryRow, String> histSideColumn;
    @FXML private TableColumn<HistoryRow, String> histQuantityColumn;
    @FXML private TableColumn<HistoryRow, String> histTypeColumn;
    @FXML private TableColumn<HistoryRow, String> histPriceColumn;
    @FXML private TableColumn<HistoryRow, String> histStatusColumn;
    @FXML private TableColumn<HistoryRow, String> histClientIdColumn;
    @FXML private Label reconciliationLabel;
    @FXML private ListView<String> reconciliationList;
    @FXML private VBox holdsBox;
    @FXML private Label holdsTitle;
    @FXML private VBox holdRows;
    @FXML private Label holdsMessage;
    private final PositionHoldsViewModel holds;

    public OrdersView(OrdersViewModel viewModel) {
        this(viewModel, null);
    }

    /** With {@code holds} (null: none to show), the held symbols and their Accept buttons above the account. */
    public OrdersView(OrdersViewModel viewModel, PositionHoldsViewModel holds) {
        this.viewModel = viewModel;
        this.holds = holds;
    }

    /** Builds the view and loads it; it reloads every {@link #REFRESH_EVERY} while it is in a window. */
    public static Parent load(OrdersViewModel viewModel) {
        return load(viewModel, null);
    }

    /** The view with the held symbols of {@code holds} (null: none shown). */
    public static Parent load(OrdersViewModel viewModel, PositionHoldsViewModel holds) {
        OrdersView view = new OrdersView(viewModel, holds);
        Parent root = FxmlViews.load(view);
        // Poll only while shown: the main window keeps hidden views, and a hidden view must not query the broker.
        WhileShown.every(root, REFRESH_EVERY, () -> {
            viewModel.refresh();
            if (holds != null) {
                holds.refresh();
            }
        });
        viewModel.refresh();
        if (holds != null) {
            holds.refresh();
        }
        return root;
    }

    @FXML
    private void initialize() {
        accountLabel.textProperty().bind(viewModel.accountTextProperty());
        stateLabel.textProperty().bind(viewModel.stateTextProperty());
        viewModel.stateProperty().addListener((obs, old, s) -> {
            stateLabel.getStyleClass().removeAll("state-active", "state-paused", "state-halted");
            if (s != null) {
                stateLabel.getStyleClass().add("state-" + s.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        updatedLabel.textProperty().bind(viewModel.updatedTextProperty());
        loadingIndicator.visibleProperty().bind(viewModel.loadingProperty());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty());
        statusLabel.textProperty().bind(viewModel.statusMessageProperty());
        statusLabel.managedProperty().bind(statusLabel.textProperty().isNotEmpty());
        boolean controls = viewModel.hasControls();
        // the same rules as the Dashboard's buttons (TradingControls.State)
        pauseButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> viewModel.stateProperty().get() == null || !viewModel.stateProperty().get().canPause(), viewModel.stateProperty()));
        resumeButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> viewModel.stateProperty().get() == null || !viewModel.stateProperty().get().canResume(), viewModel.stateProperty()));
        haltButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> viewModel.stateProperty().get() == null || !viewModel.stateProperty().get().canHalt(), viewModel.stateProperty()));
        pauseButton.setVisible(controls);
        resumeButton.setVisible(controls);
        haltButton.setVisible(controls);

        Tile day = AccountTiles.money("dayProfitTile", "Day P&L", viewModel.dayProfitTextProperty(), "");
        day.textProperty().bind(viewModel.dayProfitPercentProperty());
        viewModel.dayProfitProperty().addListener((obs, old, v) -> AccountTiles.colourBySign(day, v.doubleValue()));
        tilesBox.getChildren().setAll(
                AccountTiles.money("equityTile", "Equity", viewModel.equityProperty(), "cash + positions"),
                AccountTiles.money("cashTile", "Cash", viewModel.cashProperty(), "settled and unsettled"),
                AccountTiles.money("buyingPowerTile", "Buying power", viewModel.buyingPowerProperty(), "as the broker reports it"),
                day);

        positionsTable.setItems(viewModel.positions());
        text(posSymbolColumn, PositionRow::symbol);
        text(posQuantityColumn, PositionRow::quantity);
        text(posAverageColumn, PositionRow::averagePrice);
        text(posPriceColumn, PositionRow::price);
        text(posValueColumn, PositionRow::marketValue);
        signed(posProfitColumn, PositionRow::profitText);
        signed(posPercentColumn, PositionRow::profitPercent);

        openOrdersTable.setItems(viewModel.openOrders());
        text(openSubmittedColumn, OpenOrderRow::submitted);
        text(openSymbolColumn, OpenOrderRow::symbol);
        text(openSideColumn, OpenOrderRow::side);
        text(openQuantityColumn, OpenOrderRow::quantity);
        text(openTypeColumn, OpenOrderRow::type);
        text(openPriceColumn, OpenOrderRow::price);
        text(openStatusColumn, OpenOrderRow::status);
        text(openClientIdColumn, OpenOrderRow::clientOrderId);
        openCancelColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        openCancelColumn.setCellFactory(c -> new CancelCell());

        historyTable.setItems(viewModel.history());
        text(histCreatedColumn, HistoryRow::created);
        text(histStrategyColumn, HistoryRow::strategy);
        text(histSymbolColumn, HistoryRow::symbol);
        text(histSideColumn, HistoryRow::side);
        text(histQuantityColumn, HistoryRow::quantity);
        text(histTypeColumn, HistoryRow::type);
        text(histPriceColumn, HistoryRow::price);
        text(histStatusColumn, HistoryRow::status);
        text(histClientIdColumn, HistoryRow::clientOrderId);

        reconciliationLabel.textProperty().bind(viewModel.reconciliationTextProperty());
        reconciliationList.setItems(viewModel.reconciliationLines());
        bindHolds();
    }

    /** One line per held symbol with an Accept button ({@code accept-<SYMBOL>}) and its reason; hidden when none. */
    private void bindHolds() {
        if (holds == null) {
            holdsBox.setVisible(false);
            holdsBox.setManaged(false);
            return;
        }
        holdsMessage.textProperty().bind(holds.messageProperty());
        holdsMessage.managedProperty().bind(holdsMessage.textProperty().isNotEmpty());
        holdsTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> holds.rows().size() == 1
                ? "1 symbol is held: no order in it until you confirm the broker's count"
                : holds.rows().size() + " symbols are held: no order in them until you confirm the broker's count", holds.rows()));
        holdsTitle.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(holds.rows()));
        holdsTitle.visibleProperty().bind(holdsTitle.managedProperty());
        // Shown while a symbol is held, and after an accept to say what it did.
        holdsBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(holds.rows())
                .or(holds.messageProperty().isNotEmpty()));
        holdsBox.managedProperty().bind(holdsBox.visibleProperty());
        holds.rows().addListener((javafx.collections.ListChangeListener<PositionHoldsViewModel.Row>) c -> showHoldRows());
        showHoldRows();
    }

    private void showHoldRows() {
        holdRows.getChildren().setAll(holds.rows().stream().map(row -> {
            Label reason = new Label(row.reason());
            reason.setWrapText(true);
            reason.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(reason, javafx.scene.layout.Priority.ALWAYS);
            Button accept = new Button("Accept broker count…");
            accept.setId("accept-" + row.symbol());
            accept.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            accept.disableProperty().bind(holds.acceptingProperty());
            accept.setOnAction(e -> holds.accept(row));
            // The button first: the view scrolls sideways at 1024 px wide, and the button must stay in sight.
            HBox line = new HBox(10, accept, reason);
            line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            line.getStyleClass().add("hold-row");
            return line;
        }).toList());
    }

    @FXML
    private void onRefresh() {
        viewModel.refresh();
    }

    @FXML
    private void onPause() {
        viewModel.pause();
    }

    @FXML
    private void onResume() {
        viewModel.resume();
    }

    @FXML
    private void onHalt() {
        if (KillSwitchDialog.confirm(haltButton)) {
            viewModel.halt();
        }
    }

    private static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    /** A P&amp;L column: the text, green when positive, red when negative. */
    private static void signed(TableColumn<PositionRow, PositionRow> column, Function<PositionRow, String> value) {
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(PositionRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("gain", "loss");
                setText(empty || row == null ? null : value.apply(row));
                if (!empty && row != null && row.profit() != 0) {
                    getStyleClass().add(row.profit() > 0 ? "gain" : "loss");
                }
            }
        });
    }

    /** The per-row Cancel button; its id is {@code cancel-<client order id>}. */
    private final class CancelCell extends TableCell<OpenOrderRow, OpenOrderRow> {
        private final Button button = new Button("Cancel");

        CancelCell() {
            button.getStyleClass().addAll("small-button", "cancel-order-button");
            button.setOnAction(e -> {
                if (getItem() != null) {
                    button.setDisable(true);
                    viewModel.cancel(getItem());
                }
            });
        }

        @Override
        protected void updateItem(OpenOrderRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            button.setId("cancel-" + row.clientOrderId());
            button.setDisable(false);
            setGraphic(button);
        }
    }
}
