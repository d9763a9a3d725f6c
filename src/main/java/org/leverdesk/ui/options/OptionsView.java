package org.leverdesk.ui.options;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.leverdesk.optionbook.GuardLimit;
import org.leverdesk.optionbook.HeldOption;
import org.leverdesk.optionbook.OptionGroup;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.FxmlViews;
import org.leverdesk.ui.common.TableFit;
import org.leverdesk.ui.common.WhileShown;

/**
 * The Options view: the chain (strikes with call and put bid, ask, IV and Greeks; the at-the-money row and held
 * strikes marked), the open option positions with Greeks, days to expiry and collateral, spreads and condors as
 * one position with a payoff diagram, and the RiskGuard panel. Binds to {@link OptionsViewModel} and forwards.
 */
public final class OptionsView {
    /** How often the view re-reads the account while shown. */
    static final Duration REFRESH_EVERY = Duration.seconds(30);

    private final OptionsViewModel viewModel;
    private final ExerciseViewModel exercise;
    private final PayoffChart payoffChart = new PayoffChart();

    @FXML private ComboBox<String> underlyingBox;
    @FXML private ComboBox<LocalDate> expiryBox;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Label sourceLabel;
    @FXML private Label errorLabel;
    @FXML private TableView<ChainRow> chainTable;
    @FXML private Label positionsSummaryLabel;
    @FXML private TableView<HeldOption> positionsTable;
    @FXML private TableView<OptionGroup> groupsTable;
    @FXML private Label groupDetailLabel;
    @FXML private StackPane payoffPane;
    @FXML private TableView<GuardLimit> guardTable;
    @FXML private javafx.scene.layout.HBox exerciseBar;
    @FXML private javafx.scene.control.Button exerciseButton;
    @FXML private javafx.scene.control.Button doNotExerciseButton;
    @FXML private Label exerciseLabel;

    public OptionsView(OptionsViewModel viewModel) {
        this(viewModel, null);
    }

    /** @param exercise the Exercise / Do not exercise buttons; null hides them */
    public OptionsView(OptionsViewModel viewModel, ExerciseViewModel exercise) {
        this.viewModel = viewModel;
        this.exercise = exercise;
    }

    /** Builds the view, reads the first chain and refreshes every {@link #REFRESH_EVERY} while in a window. */
    public static Parent load(OptionsViewModel viewModel) {
        return load(viewModel, null);
    }

    /** The view with the Exercise / Do not exercise buttons of {@code exercise} (null hides them). */
    public static Parent load(OptionsViewModel viewModel, ExerciseViewModel exercise) {
        Parent root = FxmlViews.load(new OptionsView(viewModel, exercise));
        WhileShown.every(root, REFRESH_EVERY, viewModel::refresh);
        viewModel.refresh();
        return root;
    }

    @FXML
    private void initialize() {
        underlyingBox.setItems(viewModel.underlyings());
        underlyingBox.valueProperty().bindBidirectional(viewModel.underlyingProperty());
        expiryBox.setItems(viewModel.expiries());
        expiryBox.valueProperty().bindBidirectional(viewModel.expiryProperty());
        expiryBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                if (d == null) {
                    return "";
                }
                var c = viewModel.chain();
                return HeldOption.date(d) + (c == null ? "" : " · " + java.time.temporal.ChronoUnit.DAYS.between(c.asOf(), d) + " DTE");
            }

            @Override
            public LocalDate fromString(String s) {
                return null;
            }
        });
        loadingIndicator.visibleProperty().bind(viewModel.loadingProperty());
        sourceLabel.textProperty().bind(viewModel.sourceTextProperty());
        sourceLabel.managedProperty().bind(sourceLabel.textProperty().isNotEmpty());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty());
        buildChainTable();
        buildPositionsTable();
        buildGroupsTable();
        buildGuardTable();
        positionsSummaryLabel.textProperty().bind(viewModel.positionsSummaryProperty());
        payoffPane.getChildren().setAll(payoffChart);
        viewModel.payoffProperty().addListener((obs, old, curve) -> showPayoff());
        showPayoff();
    }

    private void showPayoff() {
        OptionGroup g = viewModel.selectedGroupProperty().get();
        payoffChart.show(viewModel.payoffProperty().get(), g == null ? null : g.title());
        groupDetailLabel.setText(g == null ? "" : detail(g));
    }

    /** The selected position's exits in words. */
    private static String detail(OptionGroup g) {
        StringBuilder b = new StringBuilder();
        b.append(g.credit() >= 0 ? "Credit " + OptionFormats.price(g.credit()) : "Debit " + OptionFormats.price(-g.credit()))
                .append(" a share; closing costs ").append(OptionFormats.price(g.closeCost())).append(" now.");
        if (g.exits() != null) {
            b.append(" Exits: take profit at ").append(OptionFormats.price(g.exits().profitTakeDebit()))
                    .append(" or less, stop at ").append(OptionFormats.price(g.exits().stopDebit())).append(" or more");
            if (!g.exits().shortStrikes().isEmpty()) {
                b.append(", or a close beyond a short strike (").append(strikes(g.exits().shortStrikes())).append(")");
            }
            b.append("; closed by ").append(g.exits().closeBy()).append(" at the latest.");
        }
        return b.toString();
    }

    private static String strikes(java.util.List<Double> values) {
        return String.join(", ", values.stream().map(OptionFormats::price).toList());
    }

    private void buildChainTable() {
        chainTable.setItems(viewModel.chainRows());
        chainTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ChainRow, String> calls = new TableColumn<>("Calls");
        calls.getColumns().setAll(java.util.List.of(
                column("Held", 50, r -> OptionFormats.contracts(r.heldCalls())),
                column("Bid", 64, r -> OptionFormats.price(r.call().bid())),
                column("Ask", 64, r -> OptionFormats.price(r.call().ask())),
                column("IV", 64, r -> OptionFormats.iv(r.call().impliedVolatility())),
                column("Delta", 60, r -> OptionFormats.greek(r.call().delta())),
                column("Gamma", 60, r -> OptionFormats.greek(r.call().greeks().gamma())),
                column("Theta", 60, r -> OptionFormats.greek(r.call().greeks().thetaPerDay())),
                column("Vega", 60, r -> OptionFormats.greek(r.call().greeks().vegaPerVolPoint()))));
        // a strike in dollars like the bids and asks beside it; the rows stay in the view model's numeric order
        TableColumn<ChainRow, String> strike = column("Strike", 90, r -> OptionFormats.price(r.strike()));
        strike.getStyleClass().add("strike-column");
        // room for a bold "$1,359.00" at 1024x700 too (the squeezing resize policy leaves a column its minimum), and
        // not much more: grown back from a narrow window the strike took most of the width that came back
        strike.setMinWidth(90);
        strike.setMaxWidth(100);
        TableColumn<ChainRow, String> puts = new TableColumn<>("Puts");
        puts.getColumns().setAll(java.util.List.of(
                column("Bid", 64, r -> OptionFormats.price(r.put().bid())),
                column("Ask", 64, r -> OptionFormats.price(r.put().ask())),
                column("IV", 64, r -> OptionFormats.iv(r.put().impliedVolatility())),
                column("Delta", 60, r -> OptionFormats.greek(r.put().delta())),
                column("Gamma", 60, r -> OptionFormats.greek(r.put().greeks().gamma())),
                column("Theta", 60, r -> OptionFormats.greek(r.put().greeks().thetaPerDay())),
                column("Vega", 60, r -> OptionFormats.greek(r.put().greeks().vegaPerVolPoint())),
                column("Held", 50, r -> OptionFormats.contracts(r.heldPuts()))));
        chainTable.getColumns().setAll(java.util.List.of(calls, strike, puts));
        // Gamma, vega and theta give way on a narrow window (at 1024x700 the strikes in dollars left theta
        // "-0.4…"); delta, IV, bid and ask always stay.
        chainTable.widthProperty().addListener((obs, old, w) -> {
            boolean wide = w.doubleValue() >= 1150;
            boolean changed = false;
            for (TableColumn<ChainRow, ?> side : java.util.List.of(calls, puts)) {
                for (TableColumn<ChainRow, ?> c : side.getColumns()) {
                    if (java.util.Set.of("Gamma", "Vega", "Theta").contains(c.getText()) && c.isVisible() != wide) {
                        c.setVisible(wide);
                        changed = true;
                    }
                }
            }
            // the cells of a column shown again kept the rows' old layout and sat at the top of the rows the
            // window had grown; rebuilt, they are centred like the rest
            if (changed) {
                javafx.application.Platform.runLater(() -> {
                    if (wide) {
                        restoreChainWidths();
                    }
                    chainTable.refresh();
                });
            }
        });
        // a new chain opens on the money: the at-the-money row a few rows from the top
        viewModel.chainRows().addListener((javafx.collections.ListChangeListener<ChainRow>) change -> {
            for (int i = 0; i < viewModel.chainRows().size(); i++) {
                if (viewModel.chainRows().get(i).atTheMoney()) {
                    chainTable.scrollTo(Math.max(0, i - 6));
                    break;
                }
            }
        });
        chainTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ChainRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("atm-row", "held-row");
                if (!empty && row != null) {
                    if (row.atTheMoney()) {
                        getStyleClass().add("atm-row");
                    }
                    if (row.held()) {
                        getStyleClass().add("held-row");
                    }
                }
            }
        });
    }

    private void buildPositionsTable() {
        positionsTable.setItems(viewModel.positions());
        positionsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        positionsTable.getColumns().setAll(java.util.List.of(
                column("Contract", 150, HeldOption::readable),
                column("OCC symbol", 170, h -> h.contract().occSymbol()),
                column("Qty", 50, h -> OptionFormats.contracts(h.leg().contracts())),
                column("Avg price", 75, h -> OptionFormats.price(h.leg().averagePrice())),
                column("Mark", 65, h -> OptionFormats.price(h.mark())),
                column("P&L", 90, h -> Formats.money(h.profit())),
                column("Delta (sh)", 80, h -> OptionFormats.shares(h.deltaShares())),
                column("Theta $/day", 85, h -> h.quote() == null ? Formats.MISSING : Formats.money(h.positionGreeks().thetaPerDay())),
                column("IV", 65, h -> OptionFormats.iv(h.impliedVolatility())),
                column("DTE", 45, h -> Integer.toString(h.daysToExpiry())),
                column("Collateral held", 200, h -> h.collateral().isEmpty() ? "—" : h.collateral())));
        // the OCC symbol (the contract in other words), theta and IV give way on a narrow window, so the rest is never cut
        positionsTable.widthProperty().addListener((obs, old, w) -> positionsTable.getColumns().stream()
                .filter(c -> c.getText().equals("IV") || c.getText().startsWith("Theta") || c.getText().equals("OCC symbol"))
                .forEach(c -> c.setVisible(w.doubleValue() >= 1150)));
        fitAllBut(positionsTable, "Collateral held");
        bindExercise();
    }

    private void bindExercise() {
        exerciseBar.setVisible(exercise != null);
        exerciseBar.setManaged(exercise != null);
        if (exercise == null) {
            return;
        }
        exercise.selectedProperty().bind(positionsTable.getSelectionModel().selectedItemProperty());
        exerciseButton.disableProperty().bind(exercise.enabledBinding().not());
        doNotExerciseButton.disableProperty().bind(exercise.doNotExerciseEnabledBinding().not());
        // the last answer while there is one; otherwise why the buttons are off
        exerciseLabel.textProperty().bind(Bindings.when(exercise.messageProperty().isEmpty())
                .then(exercise.noteBinding()).otherwise(exercise.messageProperty()));
    }

    @FXML
    private void onExercise() {
        exercise.exercise();
    }

    @FXML
    private void onDoNotExercise() {
        exercise.doNotExercise();
    }

    /**
     * Every column at least as wide as its header and texts ({@link TableFit}); the column {@code free} only as
     * wide as its header, and its text wraps, so nothing ends in "…".
     */
    @SuppressWarnings("unchecked")
    private static <R> void fitAllBut(TableView<R> table, String free) {
        Map<TableColumn<R, ?>, Function<R, String>> texts = new LinkedHashMap<>();
        for (TableColumn<R, ?> c : table.getColumns()) {
            if (c.getText().equals(free)) {
                TableColumn<R, String> wrapped = (TableColumn<R, String>) c;
                wrapped.setCellFactory(x -> TableFit.wrapping(wrapped));
                texts.put(c, r -> "");
            } else {
                texts.put(c, (Function<R, String>) c.getUserData());
            }
        }
        TableFit.fit(table, texts);
    }

    private void buildGroupsTable() {
        groupsTable.setItems(viewModel.groups());
        groupsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        groupsTable.getColumns().setAll(java.util.List.of(
                column("Position", 200, OptionGroup::title),
                column("Max profit", 85, g -> OptionFormats.moneyOrUnlimited(g.summary().maxProfit())),
                column("Max loss", 85, g -> OptionFormats.moneyOrUnlimited(g.summary().maxLoss())),
                column("Break-even", 110, g -> strikesText(g.summary().breakEvens())),
                column("P&L", 85, g -> Formats.money(g.profit())),
                column("Take / stop", 100, g -> g.exits() == null ? "—" : OptionFormats.price(g.exits().profitTakeDebit()) + " / "
                        + OptionFormats.price(g.exits().stopDebit()))));
        // break-even and take / stop give way on a narrow window (the payoff diagram shows the break-even, the line
        // under the table the exits); the position's name wraps
        groupsTable.widthProperty().addListener((obs, old, w) -> groupsTable.getColumns().stream()
                .filter(c -> c.getText().equals("Take / stop") || c.getText().equals("Break-even"))
                .forEach(c -> c.setVisible(w.doubleValue() >= 700)));
        fitAllBut(groupsTable, "Position");
        groupsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, g) -> {
            if (g != null) {
                viewModel.selectedGroupProperty().set(g);
            }
        });
        viewModel.selectedGroupProperty().addListener((obs, old, g) -> {
            if (g != null && groupsTable.getSelectionModel().getSelectedItem() != g) {
                groupsTable.getSelectionModel().select(g);
            }
            showPayoff();
        });
    }

    private static String strikesText(java.util.List<Double> values) {
        return values.isEmpty() ? "—" : String.join(" / ", values.stream().map(OptionFormats::price).toList());
    }

    private void buildGuardTable() {
        guardTable.setItems(viewModel.guardLimits());
        guardTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        guardTable.getColumns().setAll(java.util.List.of(
                column("Limit", 150, GuardLimit::name),
                column("Set to", 220, GuardLimit::limit),
                column("Now", 260, GuardLimit::use),
                column("State", 90, l -> switch (l.state()) {
                    case OK -> "ok";
                    case NEAR -> "near";
                    case BLOCKED -> "blocked";
                    case UNKNOWN -> "not known";
                })));
        guardTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(GuardLimit l, boolean empty) {
                super.updateItem(l, empty);
                getStyleClass().removeAll("guard-near", "guard-blocked");
                if (!empty && l != null && l.state() == GuardLimit.State.NEAR) {
                    getStyleClass().add("guard-near");
                } else if (!empty && l != null && l.state() == GuardLimit.State.BLOCKED) {
                    getStyleClass().add("guard-blocked");
                }
            }
        });
    }

    /**
     * Columns shown again on a wide window start from their own widths. The constrained policy only spreads a change of
     * the table's width over the columns as they are, so the ones that had been hidden came back squeezed (the calls'
     * Gamma heading read "Gam…" at 1600×1000 after 1024×700). Unconstrained, every column takes its preferred width;
     * constrained again, the policy fits them all to the table from there.
     */
    private void restoreChainWidths() {
        var policy = chainTable.getColumnResizePolicy();
        chainTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        chainTable.getVisibleLeafColumns().forEach(c -> c.setPrefWidth(c.getPrefWidth() + 1));
        chainTable.getVisibleLeafColumns().forEach(c -> c.setPrefWidth(c.getPrefWidth() - 1));
        chainTable.setColumnResizePolicy(policy);
    }

    private static <R> TableColumn<R, String> column(String title, double width, Function<R, String> text) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setUserData(text);
        c.setCellValueFactory(d -> (ObservableValue<String>) new ReadOnlyStringWrapper(d.getValue() == null ? "" : text.apply(d.getValue())));
        return c;
    }

    @FXML
    private void onRefresh() {
        viewModel.refresh();
    }
}
