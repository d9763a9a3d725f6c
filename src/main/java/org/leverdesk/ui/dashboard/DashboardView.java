package org.leverdesk.ui.dashboard;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.List;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.FxmlViews;
import org.leverdesk.ui.dashboard.DashboardSnapshot.PositionRow;
import org.leverdesk.ui.orders.KillSwitchDialog;
import org.leverdesk.ui.dashboard.DashboardSnapshot.StrategyRow;

/**
 * The Dashboard: equity, day and total P&amp;L tiles, open positions, each strategy's next run and last
 * decision, and the scheduler and trading state; it refreshes itself every few seconds while shown.
 */
public final class DashboardView {
    /** How often the dashboard re-reads the account while it is on screen. */
    static final Duration REFRESH_EVERY = Duration.seconds(5);
    private static final double TILE_W = 210;
    private static final double TILE_H = 132;
    private static final Color GAIN = Color.web("#1b7f3b");
    private static final Color LOSS = Color.web("#c62828");
    private static final Color NEUTRAL = Color.web("#37474f");

    private final DashboardViewModel viewModel;
    private final Tile equityTile = tile("equityTile", "Equity");
    private final Tile dayTile = tile("dayProfitTile", "Day P&L");
    private final Tile totalTile = tile("totalProfitTile", "Total P&L");

    @FXML private Label titleLabel;
    @FXML private Label updatedLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Label errorLabel;
    @FXML private HBox tilesBox;
    @FXML private Label schedulerLabel;
    @FXML private Label tradingLabel;
    @FXML private javafx.scene.control.Button pauseButton;
    @FXML private javafx.scene.control.Button resumeButton;
    @FXML private javafx.scene.control.Button killButton;
    @FXML private TableView<StrategyRow> strategiesTable;
    @FXML private TableColumn<StrategyRow, String> strategyColumn;
    @FXML private TableColumn<StrategyRow, String> enabledColumn;
    @FXML private TableColumn<StrategyRow, String> shareColumn;
    @FXML private TableColumn<StrategyRow, String> nextRunColumn;
    @FXML private TableColumn<StrategyRow, String> regimeColumn;
    @FXML private TableColumn<StrategyRow, String> lastDecisionColumn;
    @FXML private TableView<PositionRow> positionsTable;
    @FXML private TableColumn<PositionRow, String> symbolColumn;
    @FXML private TableColumn<PositionRow, String> quantityColumn;
    @FXML private TableColumn<PositionRow, String> priceColumn;
    @FXML private TableColumn<PositionRow, String> valueColumn;
    @FXML private TableColumn<PositionRow, String> profitColumn;

    public DashboardView(DashboardViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Builds the view, reads the first snapshot and refreshes every {@link #REFRESH_EVERY} while the view is in a window. */
    public static Parent load(DashboardViewModel viewModel) {
        Parent root = FxmlViews.load(new DashboardView(viewModel));
        Timeline timer = new Timeline(new KeyFrame(REFRESH_EVERY, e -> viewModel.refresh()));
        timer.setCycleCount(Timeline.INDEFINITE);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                timer.stop();
            } else {
                timer.play();
            }
        });
        viewModel.refresh();
        return root;
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        updatedLabel.textProperty().bind(viewModel.updatedTextProperty());
        loadingIndicator.visibleProperty().bind(viewModel.loadingProperty());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty());
        schedulerLabel.textProperty().bind(viewModel.schedulerStateProperty());
        tradingLabel.textProperty().bind(viewModel.tradingStateProperty());
        for (javafx.scene.control.Button b : List.of(pauseButton, resumeButton, killButton)) {
            b.setVisible(viewModel.hasControls());
            b.setManaged(viewModel.hasControls());
        }
        tilesBox.getChildren().setAll(equityTile, dayTile, totalTile);
        bindTile(equityTile, viewModel.equityProperty(), viewModel.equityTextProperty(), false);
        bindTile(dayTile, viewModel.dayProfitProperty(), viewModel.dayProfitTextProperty(), true);
        bindTile(totalTile, viewModel.totalProfitProperty(), viewModel.totalProfitTextProperty(), true);

        strategiesTable.setItems(viewModel.strategies());
        text(strategyColumn, StrategyRow::strategyId);
        text(enabledColumn, s -> s.enabled() ? "on" : "off");
        text(shareColumn, s -> Formats.percent(s.capitalShare()));
        text(nextRunColumn, StrategyRow::nextRun);
        text(regimeColumn, s -> s.regime() == null ? Formats.MISSING : s.regime());
        text(lastDecisionColumn, StrategyRow::lastDecision);

        positionsTable.setItems(viewModel.positions());
        text(symbolColumn, PositionRow::symbol);
        text(quantityColumn, p -> Formats.price(p.quantity()).replaceAll("\\.0+$", ""));
        text(priceColumn, p -> Formats.price(p.price()));
        text(valueColumn, p -> Formats.money(p.marketValue()));
        text(profitColumn, p -> Formats.money(p.unrealizedProfit()));
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
    private void onKill() {
        if (KillSwitchDialog.confirm(killButton)) {
            viewModel.halt();
        }
    }

    private static void bindTile(Tile tile, ObservableValue<Number> value, ObservableValue<String> text, boolean signed) {
        Runnable show = () -> {
            double v = value.getValue().doubleValue();
            tile.setValue(Double.isNaN(v) ? 0 : v);
            String money = Double.isNaN(v) ? Formats.MISSING : Formats.money(v);
            tile.setDescription(money);
            ((Label) tile.getGraphic()).setText(money);
            tile.setText(text.getValue());
            tile.setBackgroundColor(!signed || Double.isNaN(v) || v == 0 ? NEUTRAL : v > 0 ? GAIN : LOSS);
        };
        value.addListener((obs, o, n) -> show.run());
        text.addListener((obs, o, n) -> show.run());
        show.run();
    }

    private static Tile tile(String id, String title) {
        // A custom tile with a label: the money string is large and exact (a NUMBER tile rounds and drops the $).
        Label value = new Label(Formats.MISSING);
        value.getStyleClass().add("dashboard-tile-value");
        Tile t = TileBuilder.create().skinType(Tile.SkinType.CUSTOM).prefSize(TILE_W, TILE_H).title(title)
                .graphic(value).description(Formats.MISSING).textVisible(true).animated(false).build();
        t.setId(id);
        t.setMinSize(TILE_W, TILE_H);
        return t;
    }

    private static <R> void text(TableColumn<R, String> column, Function<R, String> f) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(f.apply(c.getValue())));
    }
}
