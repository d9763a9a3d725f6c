package org.leverdesk.ui.backtest;

import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.stage.FileChooser;
import javafx.scene.control.MenuButton;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.input.MouseButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Control;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.leverdesk.backtest.BacktestRunner.StrategyInfo;
import org.leverdesk.backtest.SavedRuns.SavedRun;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.GateResult;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.FxmlViews;
import org.leverdesk.ui.chart.PriceChart;
import org.leverdesk.ui.chart.TimeSeriesChart;

/** The Backtest view: binds the form, the charts and the tables to a {@link BacktestViewModel}. */
public final class BacktestView {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final BacktestViewModel viewModel;

    @FXML private ComboBox<StrategyInfo> strategyBox;
    @FXML private TextField symbolField;
    @FXML private TextField benchmarkField;
    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private TextField capitalField;
    @FXML private TextField commissionPerOrderField;
    @FXML private TextField commissionPerShareField;
    @FXML private TextField slippageField;
    @FXML private GridPane parametersPane;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private MenuButton exportButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label messageLabel;
    @FXML private Label statusLabel;
    @FXML private Label resultTitleLabel;
    @FXML private TabPane resultTabs;
    @FXML private Tab metricsTab;
    @FXML private Tab savedRunsTab;
    @FXML private TableView<SavedRun> savedRunsTable;
    @FXML private TableColumn<SavedRun, String> savedIdColumn;
    @FXML private TableColumn<SavedRun, String> savedVersionColumn;
    @FXML private TableColumn<SavedRun, String> savedCreatedColumn;
    @FXML private TableColumn<SavedRun, String> savedStrategyColumn;
    @FXML private TableColumn<SavedRun, String> savedSymbolColumn;
    @FXML private TableColumn<SavedRun, String> savedPeriodColumn;
    @FXML private TableColumn<SavedRun, String> savedReturnColumn;
    @FXML private Button openRunButton;
    @FXML private Label savedRunsMessageLabel;
    @FXML private VBox chartsBox;
    @FXML private TableView<MetricRow> metricsTable;
    @FXML private TableColumn<MetricRow, String> metricNameColumn;
    @FXML private TableColumn<MetricRow, String> metricStrategyColumn;
    @FXML private TableColumn<MetricRow, String> metricBenchmarkColumn;
    @FXML private TableView<Fill> tradesTable;
    @FXML private TableColumn<Fill, String> tradeDateColumn;
    @FXML private TableColumn<Fill, String> tradeSideColumn;
    @FXML private TableColumn<Fill, String> tradeSymbolColumn;
    @FXML private TableColumn<Fill, String> tradeQuantityColumn;
    @FXML private TableColumn<Fill, String> tradePriceColumn;
    @FXML private TableColumn<Fill, String> tradeCommissionColumn;
    @FXML private TableColumn<Fill, String> tradeReasonColumn;
    @FXML private CheckBox tradesOnlyBox;
    @FXML private Label decisionsCountLabel;
    @FXML private TableView<Decision> decisionsTable;
    @FXML private TableColumn<Decision, String> decisionDateColumn;
    @FXML private TableColumn<Decision, String> decisionTradeColumn;
    @FXML private TableColumn<Decision, String> decisionRegimeColumn;
    @FXML private TableColumn<Decision, String> decisionGatesColumn;
    @FXML private TableColumn<Decision, String> decisionSummaryColumn;
    @FXML private TableView<GateResult> gatesTable;
    @FXML private TableColumn<GateResult, String> gateMarkColumn;
    @FXML private TableColumn<GateResult, String> gateNameColumn;
    @FXML private TableColumn<GateResult, String> gateReasonColumn;
    @FXML private TableColumn<GateResult, String> gateInputsColumn;
    @FXML private TableView<Map.Entry<String, String>> signalsTable;
    @FXML private TableColumn<Map.Entry<String, String>, String> signalNameColumn;
    @FXML private TableColumn<Map.Entry<String, String>, String> signalValueColumn;

    private final TimeSeriesChart equityChart = new TimeSeriesChart("Equity · strategy (blue) · buy & hold (grey)", Formats::wholeMoney);
    private final TimeSeriesChart drawdownChart = new TimeSeriesChart("Drawdown", Formats::percentPoints);
    private final PriceChart priceChart = new PriceChart();

    public BacktestView(BacktestViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Builds the view for {@code viewModel}. */
    public static Parent load(BacktestViewModel viewModel) {
        return FxmlViews.load(new BacktestView(viewModel));
    }

    @FXML
    private void initialize() {
        strategyBox.setItems(viewModel.strategies());
        strategyBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(StrategyInfo info) {
                return info == null ? "" : info.displayName();
            }

            @Override
            public StrategyInfo fromString(String text) {
                return strategyBox.getValue();
            }
        });
        strategyBox.valueProperty().bindBidirectional(viewModel.strategyProperty());
        symbolField.textProperty().bindBidirectional(viewModel.symbolProperty());
        benchmarkField.textProperty().bindBidirectional(viewModel.benchmarkProperty());
        fromPicker.valueProperty().bindBidirectional(viewModel.fromProperty());
        toPicker.valueProperty().bindBidirectional(viewModel.toProperty());
        capitalField.textProperty().bindBidirectional(viewModel.capitalProperty());
        markInvalid(symbolField, viewModel.symbolErrorProperty());
        markInvalid(benchmarkField, viewModel.benchmarkErrorProperty());
        markInvalid(fromPicker, viewModel.datesErrorProperty());
        markInvalid(toPicker, viewModel.datesErrorProperty());
        markInvalid(capitalField, viewModel.capitalErrorProperty());
        commissionPerOrderField.textProperty().bindBidirectional(viewModel.commissionPerOrderProperty());
        commissionPerShareField.textProperty().bindBidirectional(viewModel.commissionPerShareProperty());
        slippageField.textProperty().bindBidirectional(viewModel.slippageBpsProperty());
        markInvalid(commissionPerOrderField, viewModel.commissionPerOrderErrorProperty());
        markInvalid(commissionPerShareField, viewModel.commissionPerShareErrorProperty());
        markInvalid(slippageField, viewModel.slippageErrorProperty());
        viewModel.parameters().addListener((ListChangeListener<ParameterField>) change -> buildParameterForm());
        buildParameterForm();

        runButton.disableProperty().bind(Bindings.not(viewModel.canRunProperty()));
        cancelButton.disableProperty().bind(viewModel.runningProperty().not());
        exportButton.disableProperty().bind(viewModel.canExportProperty().not());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressBar.visibleProperty().bind(viewModel.runningProperty());
        progressBar.managedProperty().bind(progressBar.visibleProperty());
        progressLabel.textProperty().bind(viewModel.progressMessageProperty());
        messageLabel.textProperty().bind(Bindings.when(viewModel.errorMessageProperty().isEmpty())
                .then(viewModel.validationMessageProperty()).otherwise(viewModel.errorMessageProperty()));
        statusLabel.textProperty().bind(viewModel.statusMessageProperty());
        resultTitleLabel.textProperty().bind(viewModel.resultTitleProperty());
        resultTitleLabel.visibleProperty().bind(viewModel.resultTitleProperty().isNotEmpty());
        resultTitleLabel.managedProperty().bind(resultTitleLabel.visibleProperty());

        equityChart.setId("equityChart");
        drawdownChart.setId("drawdownChart");
        drawdownChart.setAreaFill(true);
        drawdownChart.setLegendVisible(false);
        equityChart.setLegendVisible(false); // the title names the lines; the legend cost a fifth of the pane
        drawdownChart.followXRange(equityChart);
        equityChart.setPrefHeight(200);
        drawdownChart.setPrefHeight(120);
        VBox.setVgrow(equityChart, javafx.scene.layout.Priority.ALWAYS);
        VBox.setVgrow(drawdownChart, javafx.scene.layout.Priority.SOMETIMES);
        priceChart.setId("priceCharts");
        priceChart.shareXRange(equityChart);
        // Price over performance in a split the user can drag; one date range for all five panes.
        VBox performance = new VBox(6, equityChart, drawdownChart);
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(priceChart, performance);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        split.getStyleClass().add("chart-split");
        VBox.setVgrow(split, javafx.scene.layout.Priority.ALWAYS);
        chartsBox.getChildren().setAll(split);
        viewModel.priceChartProperty().addListener((obs, old, data) -> priceChart.setData(data));
        viewModel.equitySeriesProperty().addListener((obs, old, series) -> equityChart.setSeries(series));
        viewModel.drawdownSeriesProperty().addListener((obs, old, series) -> drawdownChart.setSeries(series));

        metricsTable.setItems(viewModel.metricRows());
        text(metricNameColumn, MetricRow::name);
        text(metricStrategyColumn, MetricRow::strategy);
        text(metricBenchmarkColumn, MetricRow::benchmark);

        tradesTable.setItems(viewModel.trades());
        text(tradeDateColumn, f -> f.date().toString());
        text(tradeSideColumn, f -> f.side().name());
        text(tradeSymbolColumn, Fill::symbol);
        text(tradeQuantityColumn, f -> Formats.count(f.quantity()));
        text(tradePriceColumn, f -> Formats.price(f.price()));
        text(tradeCommissionColumn, f -> Formats.money(f.commission()));
        text(tradeReasonColumn, f -> f.reason() == null ? "" : f.reason());

        bindDecisions(viewModel.decisions());
        bindSavedRuns(viewModel.savedRuns());
    }

    private void bindDecisions(DecisionsViewModel decisions) {
        tradesOnlyBox.selectedProperty().bindBidirectional(decisions.tradesOnlyProperty());
        decisionsTable.setItems(decisions.rows());
        text(decisionDateColumn, d -> d.date().toString());
        text(decisionTradeColumn, d -> d.rebalance() ? "yes" : "");
        text(decisionRegimeColumn, d -> d.explanation().regime() == null ? "" : d.explanation().regime());
        text(decisionGatesColumn, DecisionsViewModel::gateSummary);
        text(decisionSummaryColumn, d -> d.explanation().summary());
        // Summaries are long; the row's tooltip shows the whole line.
        decisionsTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(Decision d, boolean empty) {
                super.updateItem(d, empty);
                setTooltip(empty || d == null ? null : new Tooltip(d.explanation().summary()));
            }
        });
        decisionsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> decisions.selectedProperty().set(now));
        decisionsCountLabel.textProperty().bind(Bindings.createStringBinding(
                () -> Formats.count(decisions.rows().size()) + " of " + Formats.count(decisions.total()) + " decisions",
                decisions.rows()));
        decisions.rows().addListener((javafx.beans.Observable obs) -> decisionRegimeColumn.setVisible(
                decisions.rows().stream().anyMatch(d -> d.explanation().regime() != null)));
        decisionRegimeColumn.setVisible(false);
        gatesTable.setItems(decisions.gates());
        text(gateMarkColumn, g -> g.passed() ? "✓" : "✗");
        text(gateNameColumn, GateResult::name);
        text(gateReasonColumn, GateResult::reason);
        text(gateInputsColumn, GateResult::inputs);
        signalsTable.setItems(decisions.signals());
        text(signalNameColumn, Map.Entry::getKey);
        text(signalValueColumn, Map.Entry::getValue);
    }

    private void bindSavedRuns(SavedRunsViewModel saved) {
        if (saved == null) {
            // No store: the feature does not exist in this window, rather than sitting there disabled.
            resultTabs.getTabs().remove(savedRunsTab);
            return;
        }
        savedRunsTable.setItems(saved.runs());
        text(savedIdColumn, r -> Long.toString(r.id()));
        text(savedVersionColumn, r -> r.versionId() == null ? "—" : r.versionId().toString());
        text(savedCreatedColumn, saved::created);
        text(savedStrategyColumn, saved::strategyName);
        text(savedSymbolColumn, SavedRun::symbol);
        text(savedPeriodColumn, r -> Formats.date(r.from()) + " … " + Formats.date(r.to()));
        text(savedReturnColumn, r -> Formats.percent(r.totalReturn()));
        savedRunsTable.setRowFactory(table -> {
            TableRow<SavedRun> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
                }
            });
            return row;
        });
        openRunButton.disableProperty().bind(savedRunsTable.getSelectionModel().selectedItemProperty().isNull()
                .or(saved.openingProperty()).or(viewModel.runningProperty()));
        savedRunsMessageLabel.textProperty().bind(saved.messageProperty());
    }

    @FXML
    private void onOpenRun() {
        open(savedRunsTable.getSelectionModel().getSelectedItem());
    }

    private void open(SavedRun run) {
        if (run != null && !viewModel.runningProperty().get()) {
            viewModel.open(run);
            resultTabs.getSelectionModel().select(metricsTab);
        }
    }

    @FXML
    private void onRun() {
        viewModel.run();
    }

    @FXML
    private void onCancel() {
        viewModel.cancel();
    }

    @FXML
    private void onExportReport() {
        chooseFile("PDF report", "*.pdf", "backtest-report.pdf").ifPresent(viewModel::exportReport);
    }

    @FXML
    private void onExportTrades() {
        chooseFile("CSV file", "*.csv", "backtest-trades.csv").ifPresent(viewModel::exportTradesCsv);
    }

    @FXML
    private void onExportEquity() {
        chooseFile("CSV file", "*.csv", "backtest-equity.csv").ifPresent(viewModel::exportEquityCsv);
    }

    private java.util.Optional<java.nio.file.Path> chooseFile(String kind, String pattern, String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + kind);
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        java.io.File file = chooser.showSaveDialog(exportButton.getScene().getWindow());
        return java.util.Optional.ofNullable(file).map(java.io.File::toPath);
    }

    private void buildParameterForm() {
        parametersPane.getChildren().clear();
        int i = 0;
        for (ParameterField p : viewModel.parameters()) {
            Label name = new Label(p.name());
            TextField value = new TextField();
            value.setId("param-" + p.name());
            value.setPrefColumnCount(7);
            value.textProperty().bindBidirectional(p.valueProperty());
            String help = (p.description().isEmpty() ? "" : p.description() + "\n") + "Default: " + p.defaultValue();
            name.setTooltip(new Tooltip(help));
            markInvalid(value, p.errorProperty());
            // Four parameters per row keep the form short.
            parametersPane.add(name, (i % 4) * 2, i / 4);
            parametersPane.add(value, (i % 4) * 2 + 1, i / 4);
            i++;
        }
    }

    private static void markInvalid(Control control, ReadOnlyStringProperty error) {
        Runnable apply = () -> {
            boolean bad = !error.get().isEmpty();
            control.pseudoClassStateChanged(INVALID, bad);
            control.setTooltip(bad ? new Tooltip(error.get()) : null);
        };
        error.addListener((obs, old, now) -> apply.run());
        apply.run();
    }

    private static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }
}
