package org.leverdesk.ui.dashboard;

import eu.hansolo.tilesfx.Tile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.FxmlViews;
import org.leverdesk.ui.common.TableFit;
import org.leverdesk.ui.common.WhileShown;
import org.leverdesk.ui.orders.AccountTiles;
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

    private final DashboardViewModel viewModel;
    private final StrategyCloseViewModel strategyClose;

    @FXML private Label titleLabel;
    @FXML private Label updatedLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Label errorLabel;
    @FXML private HBox tilesBox;
    @FXML private Label schedulerLabel;
    @FXML private Label tradingLabel;
    @FXML private Label guardBanner;
    @FXML private javafx.scene.layout.FlowPane guardGaugesPane;
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
    @FXML private javafx.scene.control.Button closeStrategyButton;
    @FXML private Label strategyCloseMessage;
    @FXML private javafx.scene.layout.VBox strategyCloseReportBox;
    @FXML private Label strategyCloseHeadline;
    @FXML private javafx.scene.control.ListView<org.leverdesk.ui.orders.PanicReport.Line> strategyCloseReport;
    @FXML private TableView<PositionRow> positionsTable;
    @FXML private TableColumn<PositionRow, String> symbolColumn;
    @FXML private TableColumn<PositionRow, String> quantityColumn;
    @FXML private TableColumn<PositionRow, String> priceColumn;
    @FXML private TableColumn<PositionRow, String> valueColumn;
    @FXML private TableColumn<PositionRow, String> profitColumn;

    public DashboardView(DashboardViewModel viewModel) {
        this(viewModel, null);
    }

    /** @param strategyClose the "Close strategy…" action; null hides it (no broker or no emergency path) */
    public DashboardView(DashboardViewModel viewModel, StrategyCloseViewModel strategyClose) {
        this.viewModel = viewModel;
        this.strategyClose = strategyClose;
    }

    /** Builds the view, reads the first snapshot and refreshes every {@link #REFRESH_EVERY} while the view is in a window. */
    public static Parent load(DashboardViewModel viewModel) {
        return load(viewModel, null);
    }

    /** {@link #load(DashboardViewModel)} with the "Close strategy…" action (null: none). */
    public static Parent load(DashboardViewModel viewModel, StrategyCloseViewModel strategyClose) {
        Parent root = FxmlViews.load(new DashboardView(viewModel, strategyClose));
        WhileShown.every(root, REFRESH_EVERY, viewModel::refresh);
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
        guardBanner.textProperty().bind(viewModel.guardBannerProperty());
        guardBanner.managedProperty().bind(guardBanner.textProperty().isNotEmpty());
        guardBanner.visibleProperty().bind(guardBanner.textProperty().isNotEmpty());
        viewModel.guardLevelProperty().addListener((o, was, now) -> styleGuard(now));
        styleGuard(viewModel.guardLevelProperty().get());
        viewModel.guardGauges().addListener((javafx.collections.ListChangeListener<DashboardViewModel.GuardGauge>) c -> showGauges());
        showGauges();
        for (javafx.scene.control.Button b : List.of(pauseButton, resumeButton, killButton)) {
            b.setVisible(viewModel.hasControls());
            b.setManaged(viewModel.hasControls());
        }
        pauseButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.canPause(), viewModel.controlsStateProperty()));
        resumeButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.canResume(), viewModel.controlsStateProperty()));
        killButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.canHalt(), viewModel.controlsStateProperty()));
        Tile equity = tile("equityTile", "Equity", viewModel.equityProperty(), viewModel.equityTextProperty());
        Tile day = tile("dayProfitTile", "Day P&L", viewModel.dayProfitProperty(), viewModel.dayProfitTextProperty());
        Tile total = tile("totalProfitTile", "Total P&L", viewModel.totalProfitProperty(), viewModel.totalProfitTextProperty());
        viewModel.dayProfitProperty().addListener((obs, old, v) -> AccountTiles.colourBySign(day, v.doubleValue()));
        viewModel.totalProfitProperty().addListener((obs, old, v) -> AccountTiles.colourBySign(total, v.doubleValue()));
        tilesBox.getChildren().setAll(equity, day, total);

        strategiesTable.setItems(viewModel.strategies());
        Map<TableColumn<StrategyRow, ?>, Function<StrategyRow, String>> strategyTexts = new LinkedHashMap<>();
        strategyTexts.put(strategyColumn, StrategyRow::strategyId);
        strategyTexts.put(enabledColumn, viewModel::runsText);
        strategyTexts.put(shareColumn, s -> Formats.percent(s.capitalShare()));
        strategyTexts.put(nextRunColumn, StrategyRow::nextRun);
        strategyTexts.put(regimeColumn, s -> s.regime() == null ? Formats.MISSING : s.regime().replace('_', ' ')); // STRONG BULL, as the Regime view says
        strategyTexts.forEach((column, f) -> text(column, f));
        viewModel.liveProperty().addListener((o, was, is) -> strategiesTable.refresh());
        // the decision is a sentence: it takes the rest of the width and wraps instead of being cut off
        text(lastDecisionColumn, s -> DashboardViewModel.briefDecision(s.lastDecision()));
        lastDecisionColumn.setCellFactory(c -> TableFit.wrapping(lastDecisionColumn));
        // the whole decision (the brief one's reasons and sizing) on hover
        strategiesTable.setRowFactory(t -> {
            javafx.scene.control.TableRow<StrategyRow> row = new javafx.scene.control.TableRow<>();
            row.itemProperty().addListener((o, was, is) -> {
                row.setTooltip(is == null || is.lastDecision() == null ? null : new javafx.scene.control.Tooltip(is.lastDecision()));
                row.setContextMenu(is == null || strategyClose == null ? null : closeMenu(is.strategyId()));
            });
            return row;
        });
        bindStrategyClose();
        TableFit.fit(strategiesTable, strategyTexts);

        positionsTable.setItems(viewModel.positions());
        Map<TableColumn<PositionRow, ?>, Function<PositionRow, String>> positionTexts = new LinkedHashMap<>();
        positionTexts.put(symbolColumn, PositionRow::symbol);
        positionTexts.put(quantityColumn, p -> Formats.quantity(p.quantity()));
        positionTexts.put(priceColumn, p -> Formats.price(p.price()));
        positionTexts.put(valueColumn, p -> Formats.money(p.marketValue()));
        positionTexts.put(profitColumn, p -> Formats.money(p.unrealizedProfit()));
        positionTexts.forEach((column, f) -> text(column, f));
        TableFit.fit(positionsTable, positionTexts);
    }


    /** "Close strategy…" and its report, or neither when the window has no emergency path. */
    private void bindStrategyClose() {
        boolean on = strategyClose != null;
        closeStrategyButton.setVisible(on);
        closeStrategyButton.setManaged(on);
        strategyCloseMessage.setManaged(on);
        if (!on) {
            strategyCloseReportBox.setVisible(false);
            strategyCloseReportBox.setManaged(false);
            return;
        }
        strategyClose.setOnClosed(viewModel::refresh);
        // a refresh that changed a row (its next run, its decision) keeps the strategy the person selected
        String[] selected = new String[1];
        strategiesTable.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                selected[0] = is.strategyId();
            }
        });
        viewModel.strategies().addListener((javafx.collections.ListChangeListener<StrategyRow>) c -> {
            if (strategiesTable.getSelectionModel().isEmpty() && selected[0] != null) {
                viewModel.strategies().stream().filter(r -> r.strategyId().equals(selected[0])).findFirst()
                        .ifPresent(r -> strategiesTable.getSelectionModel().select(r));
            }
        });
        closeStrategyButton.disableProperty().bind(strategiesTable.getSelectionModel().selectedItemProperty().isNull()
                .or(strategyClose.runningProperty()));
        closeStrategyButton.setTooltip(new javafx.scene.control.Tooltip("Cancel the selected strategy's open orders and close its"
                + " shares and its own part of its option contracts now (leverdesk force-exit --strategy S)"));
        strategyCloseMessage.textProperty().bind(strategyClose.messageProperty());
        // the error when the close did not fully work (it names what failed), otherwise the summary
        strategyCloseHeadline.textProperty().bind(Bindings.when(strategyClose.errorProperty().isEmpty())
                .then(strategyClose.reportSummaryProperty()).otherwise(strategyClose.errorProperty()));
        strategyClose.errorProperty().addListener((o, was, is) -> styleHeadline(is));
        styleHeadline(strategyClose.errorProperty().get());
        strategyCloseReport.setItems(strategyClose.reportLines());
        javafx.beans.binding.BooleanBinding shown = strategyCloseHeadline.textProperty().isNotEmpty();
        strategyCloseReportBox.visibleProperty().bind(shown);
        strategyCloseReportBox.managedProperty().bind(shown);
        strategyCloseReport.visibleProperty().bind(Bindings.isNotEmpty(strategyClose.reportLines()));
        strategyCloseReport.managedProperty().bind(Bindings.isNotEmpty(strategyClose.reportLines()));
    }

    private void styleHeadline(String error) {
        strategyCloseHeadline.getStyleClass().removeAll("error-message", "card-heading");
        strategyCloseHeadline.getStyleClass().add(error == null || error.isEmpty() ? "card-heading" : "error-message");
    }

    private javafx.scene.control.ContextMenu closeMenu(String strategyId) {
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem("Close strategy " + strategyId + "…");
        item.disableProperty().bind(strategyClose.runningProperty());
        item.setOnAction(e -> strategyClose.close(strategyId, List.copyOf(viewModel.positions())));
        return new javafx.scene.control.ContextMenu(item);
    }

    @FXML
    private void onCloseStrategy() {
        StrategyRow row = strategiesTable.getSelectionModel().getSelectedItem();
        if (strategyClose != null && row != null) {
            strategyClose.close(row.strategyId(), List.copyOf(viewModel.positions()));
        }
    }

    @FXML
    private void onDismissStrategyClose() {
        if (strategyClose != null) {
            strategyClose.dismissReport();
        }
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

    /** An account tile showing {@code amount} in dollars (the missing mark while unknown) over {@code text}. */
    private static Tile tile(String id, String title, ReadOnlyDoubleProperty amount, ObservableValue<String> text) {
        Tile t = AccountTiles.money(id, title, Bindings.createStringBinding(
                () -> Double.isNaN(amount.get()) ? Formats.MISSING : Formats.money(amount.get()), amount), "");
        t.textProperty().bind(text);
        return t;
    }

    @SuppressWarnings("unchecked")
    private static <R> void text(TableColumn<R, ?> column, Function<R, String> f) {
        ((TableColumn<R, String>) column).setCellValueFactory(c -> new ReadOnlyStringWrapper(f.apply(c.getValue())));
    }

    private void styleGuard(org.leverdesk.riskguard.RiskGuardStatus.Level level) {
        guardBanner.getStyleClass().removeAll("guard-ok", "guard-cooling", "guard-reducing", "guard-halted");
        guardBanner.getStyleClass().add(switch (level) {
            case OK -> "guard-ok";
            case COOLING_DOWN -> "guard-cooling";
            case REDUCING -> "guard-reducing";
            case HALTED -> "guard-halted";
        });
    }

    /** One small bar per limit that is on: "spreads · Daily $ stop", the bar, "$0.00 of $2000.00". */
    private void showGauges() {
        java.util.List<javafx.scene.Node> nodes = new java.util.ArrayList<>();
        for (DashboardViewModel.GuardGauge g : viewModel.guardGauges()) {
            Label name = new Label(g.strategyId() + " · " + g.name());
            name.getStyleClass().add("guard-gauge-name");
            javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar(g.fraction());
            bar.setPrefWidth(150);
            Label text = new Label(g.text());
            text.getStyleClass().add("muted");
            javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(1, name, bar, text);
            box.getStyleClass().add("guard-gauge");
            if (g.reached()) {
                box.getStyleClass().add("reached");
            }
            nodes.add(box);
        }
        guardGaugesPane.getChildren().setAll(nodes);
        guardGaugesPane.setManaged(!nodes.isEmpty());
        guardGaugesPane.setVisible(!nodes.isEmpty());
    }
}
