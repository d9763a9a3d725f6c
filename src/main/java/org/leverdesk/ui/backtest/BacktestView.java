package org.leverdesk.ui.backtest;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
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
import org.leverdesk.ui.common.LayoutMemory;
import org.leverdesk.ui.common.form.FormOptions;
import org.leverdesk.ui.common.form.FormView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The Backtest view, chart first: a tool bar with Run, the form in a side panel that folds away, the
 * price, volume, indicator, equity and drawdown panes in one stack (one date range, one crosshair)
 * over the result tabs. Where the dividers sit and whether the form is open is remembered.
 * Binds everything to a {@link BacktestViewModel}.
 */
public final class BacktestView {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass SIMULATED = PseudoClass.getPseudoClass("simulated");
    private static final PseudoClass PASS = PseudoClass.getPseudoClass("pass");
    private static final PseudoClass FAIL = PseudoClass.getPseudoClass("fail");
    /** Dates are typed and shown in ISO form, as everywhere else (the default follows the locale: 12/6/2016). */
    public static final StringConverter<java.time.LocalDate> ISO_DATES = new StringConverter<>() {
        @Override
        public String toString(java.time.LocalDate date) {
            return date == null ? "" : date.toString();
        }

        @Override
        public java.time.LocalDate fromString(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return java.time.LocalDate.parse(text.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("a date is written YYYY-MM-DD, e.g. 2015-01-02 (got '" + text.trim() + "')", e);
            }
        }
    };

    private final BacktestViewModel viewModel;
    private final LayoutMemory layout;
    private final Supplier<List<String>> tickers;

    @FXML private ComboBox<StrategyInfo> strategyBox;
    @FXML private TextField symbolField;
    @FXML private TextField benchmarkField;
    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private TextField capitalField;
    @FXML private TextField commissionPerOrderField;
    @FXML private TextField commissionPerShareField;
    @FXML private TextField slippageField;
    @FXML private VBox parametersPane;
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
    @FXML private StackPane chartsBox;
    @FXML private ToggleButton formToggle;
    @FXML private SplitPane mainSplit;
    @FXML private SplitPane resultsSplit;
    @FXML private ScrollPane formPanel;
    @FXML private HBox messageBar;
    @FXML private TableColumn<SavedRun, String> savedDataColumn;
    @FXML private ToggleButton liveToggle;
    @FXML private Button replayButton;
    @FXML private Tab parityTab;
    @FXML private Label parityHeadingLabel;
    @FXML private ProgressBar parityProgress;
    @FXML private Button parityCancelButton;
    @FXML private Label parityVerdictLabel;
    @FXML private TableView<ParityViewModel.Row> parityTable;
    @FXML private TableColumn<ParityViewModel.Row, String> parityCheckColumn;
    @FXML private TableColumn<ParityViewModel.Row, String> parityResultColumn;
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

    private final TimeSeriesChart equityChart = new TimeSeriesChart("Equity", Formats::wholeMoney);
    private final TimeSeriesChart drawdownChart = new TimeSeriesChart("Drawdown", Formats::percentPoints);
    private final PriceChart priceChart = new PriceChart();
    private double formDivider = 0.26;

    public BacktestView(BacktestViewModel viewModel, LayoutMemory layout) {
        this(viewModel, layout, List::of);
    }

    /** @param tickers the symbols the parameter form's ticker pickers suggest */
    public BacktestView(BacktestViewModel viewModel, LayoutMemory layout, Supplier<List<String>> tickers) {
        this.viewModel = viewModel;
        this.layout = layout;
        this.tickers = tickers;
    }

    /** Builds the view for {@code viewModel}; the layout is forgotten when the window closes. */
    public static Parent load(BacktestViewModel viewModel) {
        return load(viewModel, LayoutMemory.none());
    }

    /** Builds the view for {@code viewModel}, arranged as last left in {@code layout}. */
    public static Parent load(BacktestViewModel viewModel, LayoutMemory layout) {
        return load(viewModel, layout, List::of);
    }

    /** Builds the view for {@code viewModel}, arranged as last left in {@code layout}; ticker pickers suggest {@code tickers}. */
    public static Parent load(BacktestViewModel viewModel, LayoutMemory layout, Supplier<List<String>> tickers) {
        Parent root = FxmlViews.load(new BacktestView(viewModel, layout, tickers));
        return root;
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
        // "Monthly rebalance (fixed dollars)" is wider than the form at any size: the chosen name wraps in the box
        strategyBox.setButtonCell(new javafx.scene.control.ListCell<>() {
            // a Text wrapped at the box's width (less its arrow): a wrapping label in a combo box still ends in "…"
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.wrappingWidthProperty().bind(strategyBox.widthProperty().subtract(44));
                text.fillProperty().bind(textFillProperty());
                text.fontProperty().bind(fontProperty());
                setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(StrategyInfo info, boolean empty) {
                super.updateItem(info, empty);
                String name = empty || info == null ? null : info.displayName();
                text.setText(name);
                setText(name);
                setGraphic(name == null ? null : text);
            }
        });
        strategyBox.valueProperty().bindBidirectional(viewModel.strategyProperty());
        symbolField.textProperty().bindBidirectional(viewModel.symbolProperty());
        benchmarkField.textProperty().bindBidirectional(viewModel.benchmarkProperty());
        for (DatePicker picker : new DatePicker[] {fromPicker, toPicker}) {
            picker.setConverter(ISO_DATES);
            picker.setPromptText("YYYY-MM-DD");
        }
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
        viewModel.formProperty().addListener((obs, old, now) -> buildParameterForm());
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
        for (Label l : new Label[] {progressLabel, messageLabel, statusLabel}) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
        }
        messageBar.visibleProperty().bind(progressLabel.textProperty().isNotEmpty().or(messageLabel.textProperty().isNotEmpty())
                .or(statusLabel.textProperty().isNotEmpty()).or(resultTitleLabel.textProperty().isNotEmpty()));
        messageBar.managedProperty().bind(messageBar.visibleProperty());
        bindLayout();

        buildCharts();

        metricsTable.setItems(viewModel.metricRows());
        text(metricNameColumn, MetricRow::name);
        text(metricStrategyColumn, MetricRow::strategy);
        text(metricBenchmarkColumn, MetricRow::benchmark);

        tradesTable.setItems(viewModel.trades());
        text(tradeDateColumn, f -> Formats.date(f.date()));
        text(tradeSideColumn, f -> f.side().name());
        text(tradeSymbolColumn, Fill::symbol);
        text(tradeQuantityColumn, f -> Formats.count(f.quantity()));
        text(tradePriceColumn, f -> Formats.price(f.price()));
        text(tradeCommissionColumn, f -> Formats.money(f.commission()));
        text(tradeReasonColumn, f -> f.reason() == null ? "" : f.reason());

        bindDecisions(viewModel.decisions());
        bindSavedRuns(viewModel.savedRuns());
        bindLive();
        bindParity(viewModel.parity());
    }

    /** The Live switch (remembered; on by default) re-runs on each parameter change. */
    private void bindLive() {
        liveToggle.setSelected(layout.flag("backtest.live", true));
        viewModel.liveProperty().bind(liveToggle.selectedProperty());
        liveToggle.selectedProperty().addListener((o, was, is) -> layout.put("backtest.live", is));
    }

    private void bindParity(ParityViewModel parity) {
        if (!viewModel.canReplayAsLive()) {
            replayButton.setVisible(false);
            replayButton.setManaged(false);
            resultTabs.getTabs().remove(parityTab);
            return;
        }
        replayButton.disableProperty().bind(viewModel.validProperty().not().or(parity.runningProperty()));
        parityHeadingLabel.textProperty().bind(parity.headingProperty());
        parityVerdictLabel.textProperty().bind(parity.verdictProperty());
        parity.identicalProperty().addListener((o, was, is) -> {
            parityVerdictLabel.pseudoClassStateChanged(PASS, Boolean.TRUE.equals(is));
            parityVerdictLabel.pseudoClassStateChanged(FAIL, Boolean.FALSE.equals(is));
        });
        parityProgress.progressProperty().bind(parity.progressProperty());
        parityProgress.visibleProperty().bind(parity.runningProperty());
        parityCancelButton.visibleProperty().bind(parity.runningProperty());
        parityTable.setItems(parity.rows());
        text(parityCheckColumn, ParityViewModel.Row::check);
        text(parityResultColumn, ParityViewModel.Row::result);
    }

    @FXML
    private void onReplay() {
        commitTypedDate(fromPicker);
        commitTypedDate(toPicker);
        resultTabs.getSelectionModel().select(parityTab);
        viewModel.replayAsLive();
    }

    @FXML
    private void onCancelReplay() {
        viewModel.cancelReplay();
    }

    private void bindDecisions(DecisionsViewModel decisions) {
        tradesOnlyBox.selectedProperty().bindBidirectional(decisions.tradesOnlyProperty());
        decisionsTable.setItems(decisions.rows());
        text(decisionDateColumn, d -> Formats.date(d.date()));
        text(decisionTradeColumn, d -> d.rebalance() ? "yes" : "");
        text(decisionRegimeColumn, d -> d.explanation().regime() == null ? "" : d.explanation().regime().replace('_', ' '));
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
        text(savedVersionColumn, r -> r.versionId() == null ? Formats.MISSING : r.versionId().toString());
        text(savedCreatedColumn, saved::created);
        text(savedStrategyColumn, saved::strategyName);
        text(savedSymbolColumn, SavedRun::symbol);
        text(savedPeriodColumn, r -> Formats.date(r.from()) + " … " + Formats.date(r.to()));
        text(savedDataColumn, SavedRunsViewModel::data);
        savedDataColumn.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // a demo run must not be mistaken for one on real prices
                pseudoClassStateChanged(SIMULATED, !empty && item != null && item.startsWith("DEMO"));
            }
        });
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
        // Enter in a date field fires this default button before the picker has taken the typed
        // text as its value; take it now, so the run uses what the field shows.
        commitTypedDate(fromPicker);
        commitTypedDate(toPicker);
        viewModel.run();
    }

    /** Makes the text typed into {@code picker} its value; text that is no date leaves the value and says why. */
    private void commitTypedDate(DatePicker picker) {
        String typed = picker.getEditor().getText();
        String shown = ISO_DATES.toString(picker.getValue());
        if (typed == null || typed.equals(shown)) {
            return;
        }
        try {
            picker.setValue(ISO_DATES.fromString(typed));
        } catch (IllegalArgumentException e) {
            picker.getEditor().setText(shown);
        }
    }

    private void buildCharts() {
        equityChart.setId("equityChart");
        drawdownChart.setId("drawdownChart");
        priceChart.setId("priceCharts");
        drawdownChart.setAreaFill(true);
        drawdownChart.setValueRangeIncludesZero(true);
        // a $16k strategy beside a $1.5M benchmark is a flat line on a linear axis: log by default
        equityChart.setLogScaleAllowed(true);
        equityChart.setLogScale(true);
        equityChart.addTool(unitSwitch());
        priceChart.add(equityChart, 1.8, 80);
        priceChart.add(drawdownChart, 0.9, 56);
        chartsBox.getChildren().setAll(priceChart);
        viewModel.priceChartProperty().addListener((obs, old, data) -> priceChart.setData(data));
        viewModel.equitySeriesProperty().addListener((obs, old, series) -> {
            equityChart.setValueFormat(viewModel.equityUnitProperty().get().format());
            equityChart.setSeries(series);
        });
        viewModel.drawdownSeriesProperty().addListener((obs, old, series) -> drawdownChart.setSeries(series));
    }

    /** "$ | ×$1 | %" in the equity pane's corner. */
    private HBox unitSwitch() {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox(0);
        box.getStyleClass().add("segmented");
        for (EquityUnit unit : EquityUnit.values()) {
            ToggleButton b = new ToggleButton(unit.shortName());
            b.setId("equityUnit-" + unit.name());
            b.getStyleClass().addAll("small-button", "chart-tool");
            b.setTooltip(new Tooltip(unit.description()));
            b.setToggleGroup(group);
            b.setUserData(unit);
            b.setSelected(viewModel.equityUnitProperty().get() == unit);
            box.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, was, is) -> {
            if (is == null) {
                was.setSelected(true); // one unit is always chosen
            } else {
                viewModel.equityUnitProperty().set((EquityUnit) is.getUserData());
            }
        });
        viewModel.equityUnitProperty().addListener((o, was, is) -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == is)));
        return box;
    }

    /** The side panel folds away with its button; both dividers and the fold are remembered. */
    private void bindLayout() {
        layout.flushWhenHidden(mainSplit);
        layout.remember(resultsSplit, 0, "backtest.resultsDivider");
        formDivider = layout.number("backtest.formDivider", formDivider);
        mainSplit.setDividerPositions(formDivider);
        mainSplit.getDividers().get(0).positionProperty().addListener((o, a, b) -> {
            formDivider = b.doubleValue();
            layout.put("backtest.formDivider", formDivider);
        });
        formToggle.setSelected(layout.flag("backtest.formShown", true));
        showForm(formToggle.isSelected());
        formToggle.selectedProperty().addListener((o, was, is) -> {
            showForm(is);
            layout.put("backtest.formShown", is);
        });
    }

    private void showForm(boolean show) {
        if (show && !mainSplit.getItems().contains(formPanel)) {
            mainSplit.getItems().add(0, formPanel);
            mainSplit.setDividerPositions(formDivider);
            mainSplit.getDividers().get(0).positionProperty().addListener((o, a, b) -> {
                formDivider = b.doubleValue();
                layout.put("backtest.formDivider", formDivider);
            });
        } else if (!show) {
            mainSplit.getItems().remove(formPanel);
        }
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
        // the one form builder: labels, units, check boxes, choices, each field's own problem, and a slider
        // under each bounded number (dragging it re-runs the backtest while Live is on)
        parametersPane.getChildren().setAll(FormView.grid(viewModel.form().fields(),
                FormOptions.compactWithSliders(tickers, "param-")));
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
