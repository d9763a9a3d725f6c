package org.leverdesk.ui.research;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.leverdesk.backtest.BacktestRunner.StrategyInfo;
import org.leverdesk.research.Metric;
import org.leverdesk.ui.common.TableFit;
import org.leverdesk.research.Trial;
import org.leverdesk.research.similar.Candidate;
import org.leverdesk.research.walkforward.WalkForwardResult;
import org.leverdesk.research.walkforward.WalkForwardWindow;
import org.leverdesk.ui.chart.ChartSeries;
import org.leverdesk.ui.chart.TimeSeriesChart;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.FxmlViews;

/** The Research view: binds the form, the results and the charts to {@link ResearchViewModel} and {@link AdviceViewModel}. */
public final class ResearchView {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private final ResearchViewModel viewModel;
    private final AdviceViewModel advice;
    private final SweepChartView sweepChart = new SweepChartView();
    private final TimeSeriesChart walkForwardChart = new TimeSeriesChart("Stitched out-of-sample equity", Formats::wholeMoney);
    private final BandChartView equityBands = new BandChartView("Equity after each trade (5th, 50th, 95th percentile)", Formats::wholeMoney);
    private final BandChartView drawdownBands = new BandChartView("Drawdown after each trade", Formats::percent);

    @FXML private Label planLabel;
    @FXML private Button sweepButton;
    @FXML private Button walkForwardButton;
    @FXML private Button cancelButton;
    @FXML private ComboBox<StrategyInfo> strategyBox;
    @FXML private TextField symbolField;
    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private TextField capitalField;
    @FXML private ComboBox<Metric> metricBox;
    /** The sweep table's columns with the text each shows, kept wide enough for it (refilled when the columns change). */
    private final java.util.Map<TableColumn<Trial, ?>, java.util.function.Function<Trial, String>> fitted = new java.util.LinkedHashMap<>();
    @FXML private CheckBox randomBox;
    @FXML private TextField samplesField;
    @FXML private TextField seedField;
    @FXML private TextField clusterField;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label errorLabel;
    @FXML private Label messageLabel;
    @FXML private GridPane parametersPane;
    @FXML private VBox chartBox;
    @FXML private Label overfittingLabel;
    @FXML private TableView<Trial> trialsTable;
    @FXML private TextField inSampleField;
    @FXML private TextField outOfSampleField;
    @FXML private CheckBox anchoredBox;
    @FXML private Label walkForwardLabel;
    @FXML private VBox walkForwardChartBox;
    @FXML private TableView<WalkForwardWindow> windowsTable;
    @FXML private TableColumn<WalkForwardWindow, String> windowNumberColumn;
    @FXML private TableColumn<WalkForwardWindow, String> windowInSampleColumn;
    @FXML private TableColumn<WalkForwardWindow, String> windowOutOfSampleColumn;
    @FXML private TableColumn<WalkForwardWindow, String> windowParametersColumn;
    @FXML private TableColumn<WalkForwardWindow, String> windowIsCagrColumn;
    @FXML private TableColumn<WalkForwardWindow, String> windowOosCagrColumn;
    @FXML private TableColumn<WalkForwardWindow, String> windowEfficiencyColumn;
    @FXML private TableColumn<WalkForwardWindow, String> windowDsrColumn;
    @FXML private TableColumn<WalkForwardWindow, String> windowPboColumn;
    @FXML private TextField pathsField;
    @FXML private TextField drawdownField;
    @FXML private Label monteCarloLabel;
    @FXML private VBox equityBandBox;
    @FXML private VBox drawdownBandBox;
    @FXML private DatePicker asOfPicker;
    @FXML private TextField kField;
    @FXML private TextField horizonField;
    @FXML private TextField versionsField;
    @FXML private TextField gridField;
    @FXML private Button adviseButton;
    @FXML private Button llmButton;
    @FXML private Label todayLabel;
    @FXML private TableView<NeighbourRow> neighboursTable;
    @FXML private Label candidatesLabel;
    @FXML private Label suggestionLabel;
    @FXML private Label llmLabel;
    @FXML private Button applyButton;
    @FXML private Button applyLlmButton;
    @FXML private CheckBox autoApplyBox;
    @FXML private Label adviceMessageLabel;

    public ResearchView(ResearchViewModel viewModel, AdviceViewModel advice) {
        this.viewModel = viewModel;
        this.advice = advice;
    }

    /** Loads the view for {@code viewModel} and {@code advice}. */
    public static Parent load(ResearchViewModel viewModel, AdviceViewModel advice) {
        return FxmlViews.load(new ResearchView(viewModel, advice));
    }

    @FXML
    private void initialize() {
        bindForm();
        bindSweep();
        bindWalkForward();
        bindMonteCarlo();
        bindAdvice();
    }

    private void bindForm() {
        strategyBox.setItems(viewModel.strategies());
        strategyBox.setButtonCell(strategyCell());
        strategyBox.setCellFactory(list -> strategyCell());
        strategyBox.valueProperty().bindBidirectional(viewModel.strategyProperty());
        symbolField.textProperty().bindBidirectional(viewModel.symbolProperty());
        // dates in one format everywhere (the locale's default showed "12/7/202", cut)
        for (DatePicker picker : new DatePicker[] {fromPicker, toPicker, asOfPicker}) {
            picker.setConverter(org.leverdesk.ui.backtest.BacktestView.ISO_DATES);
            picker.setPromptText("YYYY-MM-DD");
        }
        fromPicker.valueProperty().bindBidirectional(viewModel.fromProperty());
        toPicker.valueProperty().bindBidirectional(viewModel.toProperty());
        capitalField.textProperty().bindBidirectional(viewModel.capitalProperty());
        metricBox.getItems().setAll(Metric.values());
        metricBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Metric m) {
                return m == null ? "" : m.label();
            }

            @Override
            public Metric fromString(String label) {
                return java.util.Arrays.stream(Metric.values()).filter(m -> m.label().equals(label)).findFirst().orElse(null);
            }
        });
        metricBox.valueProperty().bindBidirectional(viewModel.metricProperty());
        randomBox.selectedProperty().bindBidirectional(viewModel.randomProperty());
        samplesField.textProperty().bindBidirectional(viewModel.samplesProperty());
        seedField.textProperty().bindBidirectional(viewModel.seedProperty());
        samplesField.disableProperty().bind(randomBox.selectedProperty().not());
        seedField.disableProperty().bind(randomBox.selectedProperty().not());
        clusterField.textProperty().bindBidirectional(viewModel.clusterProperty());
        planLabel.textProperty().bind(Bindings.when(viewModel.formProblemProperty().isEmpty())
                .then(viewModel.planProperty()).otherwise(viewModel.formProblemProperty()));
        var blocked = viewModel.runningProperty().or(viewModel.formProblemProperty().isNotEmpty());
        sweepButton.disableProperty().bind(blocked);
        walkForwardButton.disableProperty().bind(blocked);
        cancelButton.disableProperty().bind(viewModel.runningProperty().not());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressBar.visibleProperty().bind(viewModel.runningProperty());
        progressBar.managedProperty().bind(viewModel.runningProperty());
        progressLabel.textProperty().bind(viewModel.progressTextProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        viewModel.parameters().addListener((javafx.collections.ListChangeListener<ParameterRow>) c -> fillParameters());
        fillParameters();
    }

    private static ListCell<StrategyInfo> strategyCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(StrategyInfo item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : item.displayName());
            }
        };
    }

    private void fillParameters() {
        parametersPane.getChildren().clear();
        int row = 0;
        for (ParameterRow p : viewModel.parameters()) {
            Label name = new Label(p.heading());
            // a long heading ("Minimum volume (shares)") wraps onto a second line rather than ending in "…"
            name.setWrapText(true);
            name.setMinHeight(Label.USE_PREF_SIZE);
            name.setMaxWidth(150);
            name.setTooltip(new Tooltip(p.description() + " (default " + p.prompt() + ")"));
            TextField field = new TextField();
            field.setId("param-" + p.name());
            field.setPromptText(p.prompt());
            field.setPrefColumnCount(9);
            field.textProperty().bindBidirectional(p.specProperty());
            field.setTooltip(new Tooltip(p.description() + " (default " + p.prompt() + ")"));
            p.problemProperty().addListener((o, old, now) -> {
                field.pseudoClassStateChanged(INVALID, !now.isEmpty());
                field.setTooltip(new Tooltip(now.isEmpty() ? p.description() : now));
            });
            GridPane.setHgrow(field, Priority.ALWAYS);
            parametersPane.addRow(row++, name, field);
        }
    }

    private void bindSweep() {
        chartBox.getChildren().setAll(sweepChart);
        VBox.setVgrow(sweepChart, Priority.ALWAYS);
        sweepChart.setOnTrialClicked(viewModel::openInBacktest);
        viewModel.chartProperty().addListener((o, old, now) -> sweepChart.show(now));
        overfittingLabel.textProperty().bind(viewModel.overfittingTextProperty());
        trialsTable.setItems(viewModel.trials());
        viewModel.parameterColumnsProperty().addListener((o, old, now) -> columns(now));
        columns(List.of());
        TableFit.fit(trialsTable, fitted);
        trialsTable.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        trialsTable.setRowFactory(t -> {
            TableRow<Trial> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.openInBacktest(row.getItem());
                }
            });
            return row;
        });
        trialsTable.setTooltip(new Tooltip("Click a column to sort by it; double-click a run to open it in the Backtest view"));
    }

    private void columns(List<ResearchViewModel.ParameterColumn> parameters) {
        trialsTable.getColumns().clear();
        fitted.clear();
        for (ResearchViewModel.ParameterColumn p : parameters) {
            TableColumn<Trial, String> c = new TableColumn<>(p.heading());
            c.setCellValueFactory(d -> new ReadOnlyStringWrapper(viewModel.shownValue(p.name(), d.getValue().parameters().getOrDefault(p.name(), ""))));
            c.setComparator(ResearchView::compareValues);
            trialsTable.getColumns().add(c);
            fitted.put(c, t -> viewModel.shownValue(p.name(), t.parameters().getOrDefault(p.name(), "")));
        }
        for (Metric m : Metric.values()) {
            // the trader's word ("Sharpe ratio"), as in the Backtest view's metric table, never the CLI's key
            TableColumn<Trial, Double> c = new TableColumn<>(m.label());
            fitted.put(c, t -> format(m, m.of(t)));
            c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(m.of(d.getValue())));
            c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(Double v, boolean empty) {
                    super.updateItem(v, empty);
                    setText(empty || v == null ? "" : format(m, v));
                }
            });
            // NaN (undefined) sorts below every number in both directions' natural order
            c.setComparator(Comparator.nullsFirst(Comparator.comparingDouble((Double v) -> Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v)));
            c.getStyleClass().add("numeric");
            trialsTable.getColumns().add(c);
        }
    }

    /** Numbers sort as numbers, words as words (after numbers). */
    static int compareValues(String a, String b) {
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null) {
            return Double.compare(x, y);
        }
        return x != null ? -1 : y != null ? 1 : a.compareTo(b);
    }

    private static Double number(String v) {
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String format(Metric m, double v) {
        return switch (m) {
            case CAGR, TOTAL_RETURN, MAX_DRAWDOWN, ANNUAL_VOLATILITY, WIN_RATE, EXPOSURE -> ResearchTexts.pct(v);
            case AVG_WIN, AVG_LOSS, FINAL_EQUITY -> Double.isFinite(v) ? Formats.money(v) : "–";
            case TRADES -> Long.toString(Math.round(v));
            default -> v == Double.POSITIVE_INFINITY ? "inf" : ResearchTexts.num(v);
        };
    }

    private void bindWalkForward() {
        inSampleField.textProperty().bindBidirectional(viewModel.inSampleProperty());
        outOfSampleField.textProperty().bindBidirectional(viewModel.outOfSampleProperty());
        anchoredBox.selectedProperty().bindBidirectional(viewModel.anchoredProperty());
        walkForwardChartBox.getChildren().setAll(walkForwardChart);
        VBox.setVgrow(walkForwardChart, Priority.ALWAYS);
        walkForwardLabel.textProperty().bind(viewModel.walkForwardTextProperty());
        windowNumberColumn.setCellValueFactory(d -> text(String.valueOf(d.getValue().number())));
        // centred in the two-line rows like the periods beside it (the default cell sat at the row's top)
        windowNumberColumn.setCellFactory(x -> TableFit.wrapping(windowNumberColumn));
        windowInSampleColumn.setCellValueFactory(d -> text(ResearchTexts.period(d.getValue().plan().isFrom(), d.getValue().plan().isTo())));
        windowOutOfSampleColumn.setCellValueFactory(d -> text(ResearchTexts.period(d.getValue().plan().oosFrom(), d.getValue().plan().oosTo())));
        windowParametersColumn.setCellValueFactory(d -> text(viewModel.chosenInWords(d.getValue())));
        windowIsCagrColumn.setCellValueFactory(d -> text(ResearchTexts.pct(d.getValue().inSampleCagr())));
        windowOosCagrColumn.setCellValueFactory(d -> text(ResearchTexts.pct(d.getValue().outOfSampleCagr())));
        windowEfficiencyColumn.setCellValueFactory(d -> text(ResearchTexts.num(d.getValue().efficiency())));
        windowDsrColumn.setCellValueFactory(d -> text(ResearchTexts.num(d.getValue().inSampleOverfitting().deflatedSharpe().dsr())));
        windowPboColumn.setCellValueFactory(d -> text(d.getValue().inSampleOverfitting().pbo() == null ? "–"
                : ResearchTexts.num(d.getValue().inSampleOverfitting().pbo().pbo())));
        // the periods and parameters wrap (a period on two lines, "2021-01-04 –" over "2022-01-03") so the five
        // figures beside them keep their whole headings in the table's width; a period column is never narrower than
        // its first line (at 86 px "2021-01-04", ".." and "2022-01-03" took three lines) nor its heading ("Out of sa…")
        // (both measured in the theme's font with the figures below)
        windowInSampleColumn.setPrefWidth(100);
        windowOutOfSampleColumn.setPrefWidth(108);
        windowParametersColumn.setPrefWidth(170);
        for (TableColumn<WalkForwardWindow, String> c : List.of(windowInSampleColumn, windowOutOfSampleColumn, windowParametersColumn)) {
            c.setCellFactory(x -> TableFit.wrapping(c));
        }
        // each figure's heading in words, what it means in the heading's tooltip; every heading and figure whole
        Map<TableColumn<WalkForwardWindow, ?>, Function<WalkForwardWindow, String>> figures = new LinkedHashMap<>();
        Map<TableColumn<WalkForwardWindow, ?>, Tooltip> tips = new LinkedHashMap<>();
        figures.put(windowInSampleColumn, w -> ResearchTexts.periodFirstLine(w.plan().isFrom()));
        figures.put(windowOutOfSampleColumn, w -> ResearchTexts.periodFirstLine(w.plan().oosFrom()));
        for (WalkForwardHeadings h : WalkForwardHeadings.values()) {
            TableColumn<WalkForwardWindow, String> c = switch (h) {
                case IN_SAMPLE_CAGR -> windowIsCagrColumn;
                case OUT_OF_SAMPLE_CAGR -> windowOosCagrColumn;
                case EFFICIENCY -> windowEfficiencyColumn;
                case DEFLATED_SHARPE -> windowDsrColumn;
                case OVERFIT_CHANCE -> windowPboColumn;
            };
            c.setText(h.label());
            // the same kind of cell as the wrapped periods beside them, so the figures sit centred in the two-line rows
            c.setCellFactory(x -> TableFit.wrapping(c));
            Tooltip tip = new Tooltip(h.explanation());
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            tips.put(c, tip);
            figures.put(c, w -> c.getCellObservableValue(w) == null ? "" : c.getCellObservableValue(w).getValue());
        }
        // the tooltip on the column's heading (a TableColumn has none of its own), once the table has drawn its headings
        windowsTable.skinProperty().addListener((o, old, skin) -> javafx.application.Platform.runLater(() ->
                windowsTable.lookupAll(".column-header").forEach(n -> {
                    if (n instanceof javafx.scene.control.skin.TableColumnHeader th && tips.containsKey(th.getTableColumn())) {
                        Tooltip.install(th, tips.get(th.getTableColumn()));
                    }
                })));
        TableFit.fit(windowsTable, figures);
        viewModel.walkForwardProperty().addListener((o, old, now) -> showWalkForward(now));
    }

    private void showWalkForward(WalkForwardResult r) {
        if (r == null) {
            return;
        }
        windowsTable.getItems().setAll(r.windows());
        // the rows grow to the wrapped periods after their first layout; rebuilt once, every cell sits centred in its
        // row (the figures sat at the top of the two-line rows)
        javafx.application.Platform.runLater(windowsTable::refresh);
        double[] x = new double[r.dates().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = ChartSeries.epochSeconds(r.dates()[i]);
        }
        walkForwardChart.setSeries(List.of(new ChartSeries("out of sample, stitched", x, r.equity().clone())));
    }

    private static ReadOnlyStringWrapper text(String s) {
        return new ReadOnlyStringWrapper(s);
    }

    private void bindMonteCarlo() {
        pathsField.textProperty().bindBidirectional(viewModel.monteCarloRunsProperty());
        drawdownField.textProperty().bindBidirectional(viewModel.monteCarloDrawdownProperty());
        monteCarloLabel.textProperty().bind(viewModel.monteCarloTextProperty());
        equityBandBox.getChildren().setAll(equityBands);
        drawdownBandBox.getChildren().setAll(drawdownBands);
        VBox.setVgrow(equityBands, Priority.ALWAYS);
        VBox.setVgrow(drawdownBands, Priority.ALWAYS);
        viewModel.monteCarloProperty().addListener((o, old, mc) -> {
            equityBands.show(mc == null ? null : mc.equity(), mc == null ? null : mc.observedEquity());
            drawdownBands.show(mc == null ? null : mc.drawdown(), mc == null ? null : drawdowns(mc.observedEquity()));
        });
    }

    private static double[] drawdowns(double[] equity) {
        double[] dd = new double[equity.length];
        double peak = equity.length == 0 ? 0 : equity[0];
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            dd[i] = equity[i] / peak - 1;
        }
        return dd;
    }

    private void bindAdvice() {
        asOfPicker.valueProperty().bindBidirectional(advice.asOfProperty());
        kField.textProperty().bindBidirectional(advice.kProperty());
        horizonField.textProperty().bindBidirectional(advice.horizonProperty());
        versionsField.textProperty().bindBidirectional(advice.versionsProperty());
        gridField.textProperty().bindBidirectional(advice.gridProperty());
        gridField.promptTextProperty().bind(advice.gridPromptProperty());
        autoApplyBox.selectedProperty().bindBidirectional(advice.autoApplyProperty());
        autoApplyBox.setDisable(!advice.autoApplyAllowed());
        if (!advice.autoApplyAllowed()) {
            autoApplyBox.setTooltip(new Tooltip("Only a paper account is ever auto-applied; this one trades real money"));
        }
        adviseButton.disableProperty().bind(advice.busyProperty().or(Bindings.createBooleanBinding(() -> !advice.available())));
        llmButton.setVisible(advice.llmAvailable());
        llmButton.setManaged(advice.llmAvailable());
        llmButton.disableProperty().bind(advice.busyProperty().or(advice.candidatesProperty().isNull()));
        applyButton.disableProperty().bind(advice.canApplyProperty().not());
        applyLlmButton.visibleProperty().bind(advice.canApplyLlmProperty());
        applyLlmButton.managedProperty().bind(advice.canApplyLlmProperty());
        todayLabel.textProperty().bind(advice.todayTextProperty());
        candidatesLabel.textProperty().bind(advice.candidatesTextProperty());
        suggestionLabel.textProperty().bind(advice.suggestionTextProperty());
        llmLabel.textProperty().bind(advice.llmTextProperty());
        adviceMessageLabel.textProperty().bind(advice.messageProperty());
        neighboursTable.setItems(advice.rows());
        // every heading whole ("Similarity", "set 1 v1 (active)"; were "Simila…", "set 1 v1 (act…" in the Primer
        // themes): the columns are refilled with each result, the map with them
        TableFit.fit(neighboursTable, neighbourTexts);
        advice.candidatesProperty().addListener((o, old, now) -> neighbourColumns(now));
    }

    /** The neighbours table's columns and the text each shows for a row, measured by {@link TableFit}. */
    private final Map<TableColumn<NeighbourRow, ?>, Function<NeighbourRow, String>> neighbourTexts = new LinkedHashMap<>();

    private void neighbourColumns(List<Candidate> candidates) {
        neighboursTable.getColumns().clear();
        neighbourTexts.clear();
        TableColumn<NeighbourRow, String> day = new TableColumn<>("Session");
        day.setCellValueFactory(d -> text(d.getValue().date().toString()));
        TableColumn<NeighbourRow, String> until = new TableColumn<>("Until");
        until.setCellValueFactory(d -> text(d.getValue().windowEnd().toString()));
        TableColumn<NeighbourRow, Double> sim = new TableColumn<>("Similarity");
        sim.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().similarity()));
        sim.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? "" : String.format(Locale.ROOT, "%.3f", v));
            }
        });
        neighboursTable.getColumns().addAll(List.of(day, until, sim));
        neighbourTexts.put(day, r -> r.date().toString());
        neighbourTexts.put(until, r -> r.windowEnd().toString());
        neighbourTexts.put(sim, r -> String.format(Locale.ROOT, "%.3f", r.similarity()));
        for (int c = 0; c < candidates.size(); c++) {
            int index = c;
            TableColumn<NeighbourRow, String> col = new TableColumn<>("set " + (c + 1) + " " + advice.candidateNames().get(c));
            col.setCellValueFactory(d -> text(String.format(Locale.ROOT, "%+.2f%%", d.getValue().returns()[index] * 100)));
            neighboursTable.getColumns().add(col);
            neighbourTexts.put(col, r -> String.format(Locale.ROOT, "%+.2f%%", r.returns()[index] * 100));
        }
    }

    @FXML
    private void onSweep() {
        viewModel.runSweep();
    }

    @FXML
    private void onWalkForward() {
        viewModel.runWalkForward();
    }

    @FXML
    private void onCancel() {
        viewModel.cancel();
    }

    @FXML
    private void onAdvise() {
        advice.advise();
    }

    @FXML
    private void onAskLlm() {
        advice.askLlm();
    }

    @FXML
    private void onApply() {
        advice.apply();
    }

    @FXML
    private void onApplyLlm() {
        advice.applyLlm();
    }
}
