package org.leverdesk.ui.rotation;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.leverdesk.strategy.rotation.Sleeve;
import org.leverdesk.ui.chart.TimeSeriesChart;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.FxmlViews;

/** The Rotation view: sleeve NAV curves, a ranking table per sleeve, the manager's choice and the planned targets. */
public final class RotationView {
    private final RotationViewModel viewModel;
    private final TimeSeriesChart navChart = new TimeSeriesChart("Sleeve NAV from $100,000", Formats::wholeMoney);

    @FXML private Label dataLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Label errorLabel;
    @FXML private Button refreshButton;
    @FXML private VBox chartBox;
    @FXML private Label chosenLabel;
    @FXML private Label whyLabel;
    @FXML private Label scheduleLabel;
    @FXML private ListView<String> skippedList;
    @FXML private HBox rankingBox;
    @FXML private Label accountLabel;
    @FXML private TableView<PlanRow> planTable;
    @FXML private TableColumn<PlanRow, String> planSymbolColumn;
    @FXML private TableColumn<PlanRow, String> planWeightColumn;
    @FXML private TableColumn<PlanRow, String> planHeldColumn;
    @FXML private TableColumn<PlanRow, String> planTargetColumn;
    @FXML private TableColumn<PlanRow, String> planDeltaColumn;
    @FXML private TableColumn<PlanRow, String> planPriceColumn;
    @FXML private TableColumn<PlanRow, String> planNoteColumn;

    /** A plan row's height and the heading's, in pixels, as the Primer themes draw them (rows 28 px, the heading 40). */
    private static final double PLAN_ROW = 28;
    private static final double PLAN_HEADER = 42;

    public RotationView(RotationViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Builds the view for {@code viewModel} and starts loading. */
    public static Parent load(RotationViewModel viewModel) {
        Parent root = FxmlViews.load(new RotationView(viewModel));
        viewModel.refresh();
        return root;
    }

    @FXML
    private void initialize() {
        dataLabel.textProperty().bind(viewModel.dataTextProperty());
        loadingIndicator.visibleProperty().bind(viewModel.loadingProperty());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty());
        chosenLabel.textProperty().bind(viewModel.chosenTextProperty());
        whyLabel.textProperty().bind(viewModel.whyTextProperty());
        scheduleLabel.textProperty().bind(viewModel.scheduleTextProperty());
        accountLabel.textProperty().bind(viewModel.accountTextProperty());
        skippedList.setItems(viewModel.skipped());
        skippedList.setPlaceholder(new Label("none"));

        navChart.setId("navChart");
        VBox.setVgrow(navChart, Priority.ALWAYS);
        chartBox.getChildren().add(navChart);
        navChart.setLegendVisible(true);
        navChart.setLogScaleAllowed(true);
        viewModel.navSeriesProperty().addListener((obs, old, series) -> navChart.setSeries(series));

        for (Sleeve s : Sleeve.values()) {
            rankingBox.getChildren().add(rankingTable(s));
        }

        planTable.setItems(viewModel.plan());
        // as tall as its rows (up to six, then it scrolls): the rankings under it get the rest of the height
        planTable.setFixedCellSize(PLAN_ROW);
        planTable.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> PLAN_HEADER + Math.min(6, Math.max(1, viewModel.plan().size())) * PLAN_ROW + 2, viewModel.plan()));
        planTable.prefHeightProperty().bind(planTable.minHeightProperty());
        planTable.maxHeightProperty().bind(planTable.minHeightProperty());
        planTable.setPlaceholder(new Label("no targets: the chosen sleeve holds nothing and nothing is held"));
        text(planSymbolColumn, PlanRow::symbol);
        text(planWeightColumn, PlanRow::weight);
        text(planHeldColumn, PlanRow::held);
        text(planTargetColumn, PlanRow::target);
        text(planDeltaColumn, PlanRow::delta);
        text(planPriceColumn, PlanRow::price);
        text(planNoteColumn, PlanRow::note);
    }

    private VBox rankingTable(Sleeve sleeve) {
        Label title = new Label();
        title.textProperty().bind(viewModel.sleeveTitleProperty(sleeve));
        title.getStyleClass().add("muted");
        // four sleeves share the width: at 1024×700 the title wraps rather than cutting its drawdown
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        TableView<RankingRow> table = new TableView<>(viewModel.ranking(sleeve));
        table.setId("ranking-" + sleeve.name());
        // four tables side by side at 1024×700: tighter cells keep "Ticker", "Sharpe" and "Weight" whole
        table.getStyleClass().addAll(atlantafx.base.theme.Styles.DENSE, "ranking-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("no eligible tickers"));
        TableColumn<RankingRow, String> ticker = new TableColumn<>("Ticker");
        TableColumn<RankingRow, String> sharpe = new TableColumn<>("Sharpe");
        TableColumn<RankingRow, String> weight = new TableColumn<>("Weight");
        text(ticker, RankingRow::ticker);
        text(sharpe, RankingRow::sharpe);
        text(weight, RankingRow::weight);
        // each column keeps room for its header ("Sha…", "Wei…" at 1024×700)
        ticker.setMinWidth(56);
        sharpe.setMinWidth(62);
        weight.setMinWidth(62);
        table.getColumns().setAll(java.util.List.of(ticker, sharpe, weight));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(RankingRow r, boolean empty) {
                super.updateItem(r, empty);
                setStyle(!empty && r != null && r.held() ? "-fx-font-weight: bold;" : "");
            }
        });
        VBox box = new VBox(2, title, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static <T> void text(TableColumn<T, String> column, Function<T, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    @FXML
    private void onRefresh() {
        viewModel.refresh();
    }
}
