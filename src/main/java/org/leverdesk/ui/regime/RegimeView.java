package org.leverdesk.ui.regime;

import eu.hansolo.tilesfx.Tile;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.leverdesk.strategy.regime.Regime;
import org.leverdesk.strategy.regime.SignalSettings;
import org.leverdesk.ui.chart.ChartFormats;
import org.leverdesk.ui.chart.ChartStack;
import org.leverdesk.ui.chart.TimeSeriesChart;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.TableFit;
import org.leverdesk.ui.common.FxmlViews;

/** The Regime view: the Regime &amp; Gates panel over the regime chart with the clicked day's decision, bound to a {@link RegimeViewModel}. */
public final class RegimeView {
    private final RegimeViewModel viewModel;
    private final SignalSettings signals;
    private final TimeSeriesChart priceChart = new TimeSeriesChart("QQQ regime · shaded by confirmed regime", ChartFormats::price);
    private final TimeSeriesChart positionChart = new TimeSeriesChart("", v -> String.format(Locale.ROOT, "%.0f%%", v));
    private final ChartStack charts = new ChartStack();
    private Tile regimeTile;
    private Tile momentumTile;
    private Tile volatilityTile;
    private Tile trendTile;
    private Tile overextensionTile;

    @FXML private Label dataLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Label errorLabel;
    @FXML private HBox tilesBox;
    @FXML private TableView<GateRow> gatesTable;
    @FXML private TableColumn<GateRow, String> gateMarkColumn;
    @FXML private TableColumn<GateRow, String> gateNameColumn;
    @FXML private TableColumn<GateRow, String> gateReasonColumn;
    @FXML private TableColumn<GateRow, String> gateInputsColumn;
    @FXML private Label orderLabel;
    @FXML private Label gateSummaryLabel;
    @FXML private Label positionLabel;
    @FXML private Label decisionLabel;
    @FXML private VBox chartsBox;
    @FXML private HBox legendBox;
    @FXML private Label dayTitleLabel;
    @FXML private Label daySummaryLabel;
    @FXML private ListView<GateRow> dayGatesList;
    @FXML private TableView<SignalRow> daySignalsTable;
    @FXML private TableColumn<SignalRow, String> signalNameColumn;
    @FXML private TableColumn<SignalRow, String> signalValueColumn;

    public RegimeView(RegimeViewModel viewModel, SignalSettings signals) {
        this.viewModel = viewModel;
        this.signals = signals;
    }

    /** Builds the view for {@code viewModel} and starts loading. */
    public static Parent load(RegimeViewModel viewModel, SignalSettings signals) {
        Parent root = FxmlViews.load(new RegimeView(viewModel, signals));
        viewModel.refresh();
        return root;
    }

    @FXML
    private void initialize() {
        dataLabel.textProperty().bind(viewModel.dataTextProperty());
        loadingIndicator.visibleProperty().bind(viewModel.loadingProperty());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty());

        regimeTile = RegimeTiles.regime();
        momentumTile = RegimeTiles.momentum(signals);
        volatilityTile = RegimeTiles.volatility(signals);
        trendTile = RegimeTiles.percent("trendTile", "Trend strength", "close above SMA-250; buys need "
                + String.format(Locale.ROOT, "%.0f%%", signals.minTrendStrength() * 100));
        overextensionTile = RegimeTiles.percent("overextensionTile", "Overextension", "close above SMA-50; max "
                + String.format(Locale.ROOT, "%.0f%%", signals.maxOverextension() * 100));
        tilesBox.getChildren().setAll(regimeTile, momentumTile, volatilityTile, trendTile, overextensionTile);
        viewModel.statusProperty().addListener((obs, old, s) -> showTiles());

        gatesTable.setItems(viewModel.gates());
        gateMarkColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().mark()));
        gateMarkColumn.setCellFactory(c -> new MarkCell());
        text(gateNameColumn, GateRow::name);
        text(gateReasonColumn, GateRow::reason);
        text(gateInputsColumn, GateRow::inputs);
        // at 1024×700 the reasons and inputs ended in "…": they wrap and the row grows
        gateNameColumn.setCellFactory(c -> TableFit.wrapping(gateNameColumn));
        gateReasonColumn.setCellFactory(c -> TableFit.wrapping(gateReasonColumn));
        gateInputsColumn.setCellFactory(c -> TableFit.wrapping(gateInputsColumn));
        // the row's tooltip shows the gate in one piece
        gatesTable.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(GateRow g, boolean empty) {
                super.updateItem(g, empty);
                setTooltip(empty || g == null ? null
                        : new javafx.scene.control.Tooltip(g.name() + ": " + g.reason() + "\n" + g.inputs()));
            }
        });
        orderLabel.textProperty().bind(viewModel.orderProperty());
        gateSummaryLabel.textProperty().bind(viewModel.gateSummaryProperty());
        positionLabel.textProperty().bind(viewModel.positionTextProperty());
        decisionLabel.textProperty().bind(viewModel.decisionSummaryProperty());

        priceChart.setId("regimeChart");
        positionChart.setId("positionChart");
        positionChart.setAreaFill(true);
        positionChart.setFixedValueRange(0, 100);
        priceChart.setLogScaleAllowed(true);
        priceChart.setLogScale(true); // QQQ from $20 to $600: log shows 1999 and 2025 alike
        // minimums small enough that both panes, their dates and the regime key fit under the gates at 1024x700
        charts.add(priceChart, 2.6, 90);
        charts.add(positionChart, 1, 60);
        VBox.setVgrow(charts, Priority.ALWAYS);
        chartsBox.getChildren().add(0, charts);
        viewModel.priceSeriesProperty().addListener((obs, old, s) -> {
            String signal = s.isEmpty() ? "QQQ" : s.get(0).name().replace(" close", "");
            priceChart.setTitle(signal + " regime · shaded by confirmed regime");
        });
        for (Regime r : Regime.values()) {
            Rectangle swatch = new Rectangle(12, 12, RegimeColors.of(r));
            Label l = new Label(r.name().replace('_', ' '), swatch);
            legendBox.getChildren().add(l);
        }
        viewModel.priceSeriesProperty().addListener((obs, old, s) -> priceChart.setSeries(s));
        viewModel.positionSeriesProperty().addListener((obs, old, s) -> positionChart.setSeries(s));
        viewModel.bandsProperty().addListener((obs, old, b) -> {
            priceChart.setBands(b);
            positionChart.setBands(b);
        });
        priceChart.setOnDayClicked(viewModel::selectDay);
        positionChart.setOnDayClicked(viewModel::selectDay);

        dayTitleLabel.textProperty().bind(viewModel.dayTitleProperty());
        daySummaryLabel.textProperty().bind(viewModel.daySummaryProperty());
        dayGatesList.setItems(viewModel.dayGates());
        dayGatesList.setCellFactory(l -> new DayGateCell());
        daySignalsTable.setItems(viewModel.daySignals());
        text(signalNameColumn, SignalRow::name);
        text(signalValueColumn, SignalRow::value);
    }

    private void showTiles() {
        RegimeTiles.showRegime(regimeTile, viewModel.regimeProperty().get(), viewModel.regimeTextProperty().get(),
                viewModel.regimeDetailProperty().get());
        double m = viewModel.momentumProperty().get();
        RegimeTiles.show(momentumTile, m, m >= signals.momentumMin() ? "enough to buy (min "
                + Formats.ratio(signals.momentumMin()) + ")" : "below the minimum " + Formats.ratio(signals.momentumMin()));
        RegimeTiles.show(volatilityTile, viewModel.volatilityProperty().get(), "band " + viewModel.volBandProperty().get());
        trendTile.setValue(nanToZero(viewModel.trendStrengthProperty().get()));
        overextensionTile.setValue(nanToZero(viewModel.overextensionProperty().get()));
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    @FXML
    private void onRefresh() {
        viewModel.refresh();
    }

    private static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    /** ✓ in green or ✗ in red. */
    private static final class MarkCell extends TableCell<GateRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("gate-pass", "gate-fail");
            setText(empty ? null : item);
            if (!empty && item != null) {
                getStyleClass().add("✓".equals(item) ? "gate-pass" : "gate-fail");
            }
        }
    }

    /** "✓ name — reason" with the mark coloured. */
    private static final class DayGateCell extends ListCell<GateRow> {
        @Override
        protected void updateItem(GateRow g, boolean empty) {
            super.updateItem(g, empty);
            if (empty || g == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Label mark = new Label(g.mark());
            mark.getStyleClass().add(g.passed() ? "gate-pass" : "gate-fail");
            mark.setMinWidth(Region.USE_PREF_SIZE);
            // a Text wrapped at the list's width: a wrapping Label in a list cell still ended in "…" at 1024×700
            javafx.scene.text.Text text = new javafx.scene.text.Text(g.name() + " — " + g.reason());
            text.getStyleClass().add("day-gate-text");
            text.fillProperty().bind(textFillProperty());
            text.fontProperty().bind(fontProperty());
            if (getListView() != null) {
                text.wrappingWidthProperty().bind(getListView().widthProperty().subtract(48));
            }
            setGraphic(new javafx.scene.layout.HBox(6, mark, text));
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            setPrefWidth(0); // lets the text wrap at the list's width instead of widening the cell
            setText(g.name() + " — " + g.reason());
            setTooltip(new javafx.scene.control.Tooltip(g.inputs()));
        }
    }
}
