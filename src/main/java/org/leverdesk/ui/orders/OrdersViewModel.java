package org.leverdesk.ui.orders;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.store.StoredOrder;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Orders &amp; Positions view's state: account figures, positions with their P&amp;L, open orders
 * (each cancellable), the stored order history, the latest reconciliation and the trading switches.
 * Every broker or store call goes through the {@link TaskExecutor}; a refresh asked for while one is
 * still loading is skipped, so a slow broker never piles up requests.
 */
public final class OrdersViewModel {
    /** How many stored orders the history shows. */
    public static final int HISTORY_LIMIT = 200;
    private static final Logger LOG = LoggerFactory.getLogger(OrdersViewModel.class);

    private record Snapshot(Account account, List<BrokerPosition> positions, List<BrokerOrder> openOrders,
                            List<StoredOrder> history, Optional<ReconciliationSummary> reconciliation,
                            TradingControls.State state) {
    }

    private final Broker broker;
    private final TradingControls controls;
    private final ReconciliationSource reconciliation;
    private final OrderHistory orderHistory;
    private final TaskExecutor executor;
    private final Clock clock;
    private boolean loadingNow;

    private final ReadOnlyStringWrapper equity = new ReadOnlyStringWrapper(this, "equity", Formats.MISSING);
    private final ReadOnlyStringWrapper cash = new ReadOnlyStringWrapper(this, "cash", Formats.MISSING);
    private final ReadOnlyStringWrapper buyingPower = new ReadOnlyStringWrapper(this, "buyingPower", Formats.MISSING);
    private final ReadOnlyStringWrapper dayProfitText = new ReadOnlyStringWrapper(this, "dayProfitText", Formats.MISSING);
    private final ReadOnlyStringWrapper dayProfitPercent = new ReadOnlyStringWrapper(this, "dayProfitPercent", "");
    private final ReadOnlyDoubleWrapper dayProfit = new ReadOnlyDoubleWrapper(this, "dayProfit");
    private final ReadOnlyStringWrapper accountText = new ReadOnlyStringWrapper(this, "accountText", "");
    private final ObservableList<PositionRow> positions = FXCollections.observableArrayList();
    private final ObservableList<OpenOrderRow> openOrders = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper reconciliationText = new ReadOnlyStringWrapper(this, "reconciliationText", "");
    private final ObservableList<String> reconciliationLines = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TradingControls.State> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");
    private final ReadOnlyStringWrapper updatedText = new ReadOnlyStringWrapper(this, "updatedText", "");

    /**
     * @param controls       the trading switches, or null when nothing can be paused (the buttons are disabled)
     * @param reconciliation the latest reconciliation, or null when there is none to show
     * @param orderHistory   the stored orders, or null when there is no store
     */
    public OrdersViewModel(Broker broker, TradingControls controls, ReconciliationSource reconciliation,
                           OrderHistory orderHistory, TaskExecutor executor, Clock clock) {
        this.broker = java.util.Objects.requireNonNull(broker, "the Orders view needs a broker");
        this.controls = controls;
        this.reconciliation = reconciliation;
        this.orderHistory = orderHistory;
        this.executor = executor;
        this.clock = clock;
    }

    /** Reloads everything in the background; does nothing while a load is still running. */
    public void refresh() {
        if (loadingNow) {
            return;
        }
        loadingNow = true;
        loading.set(true);
        executor.execute(this::load, this::show, e -> {
            loadingNow = false;
            loading.set(false);
            LOG.warn("orders view could not load", e);
            errorMessage.set("Cannot load from " + broker.name() + ": " + message(e) + " (the figures shown are from the last good refresh)");
        });
    }

    private Snapshot load() {
        Account account = broker.account();
        List<BrokerPosition> held = broker.positions();
        List<BrokerOrder> open = broker.openOrders();
        List<StoredOrder> stored = orderHistory == null ? List.of() : orderHistory.recent(HISTORY_LIMIT);
        Optional<ReconciliationSummary> rec = reconciliation == null ? Optional.empty() : reconciliation.latest();
        TradingControls.State s = controls == null ? null : controls.state();
        return new Snapshot(account, held, open, stored, rec, s);
    }

    private void show(Snapshot s) {
        loadingNow = false;
        loading.set(false);
        errorMessage.set("");
        Account a = s.account();
        equity.set(Formats.money(a.equity().doubleValue()));
        cash.set(Formats.money(a.cash().doubleValue()));
        buyingPower.set(Formats.money(a.buyingPower().doubleValue()));
        double day = a.dayProfit().doubleValue();
        dayProfit.set(day);
        double lastEquity = a.lastEquity().doubleValue();
        dayProfitText.set((day > 0 ? "+" : "") + Formats.money(day));
        dayProfitPercent.set(lastEquity > 0 ? (day > 0 ? "+" : "") + Formats.percent(day / lastEquity) + " since the last close"
                : "no previous close");
        accountText.set(broker.name() + " · account " + a.accountId() + (a.tradingBlocked() ? " · TRADING BLOCKED by the broker" : ""));
        positions.setAll(s.positions().stream().map(PositionRow::of).toList());
        openOrders.setAll(s.openOrders().stream().map(o -> OpenOrderRow.of(o, clock.getZone())).toList());
        history.setAll(s.history().stream().map(o -> HistoryRow.of(o, clock.getZone())).toList());
        showReconciliation(s.reconciliation());
        showState(s.state());
        updatedText.set("Updated " + java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                .format(clock.instant().atZone(clock.getZone())));
    }

    private void showReconciliation(Optional<ReconciliationSummary> rec) {
        if (rec.isEmpty()) {
            reconciliationText.set(reconciliation == null ? "Reconciliation is not available here"
                    : "No reconciliation has run since the app started");
            reconciliationLines.clear();
            return;
        }
        ReconciliationSummary r = rec.get();
        String when = Formats.dateTime(r.at(), clock.getZone());
        reconciliationText.set(r.inSync() ? "In sync with the broker · checked " + when
                : r.differences().size() + (r.differences().size() == 1 ? " difference" : " differences")
                        + " found and recorded · " + when);
        reconciliationLines.setAll(r.differences());
    }

    private void showState(TradingControls.State s) {
        state.set(s);
        stateText.set(s == null ? "Trading switches not connected" : switch (s) {
            case ACTIVE -> "Trading ACTIVE";
            case PAUSED -> "PAUSED: no new jobs start";
            case HALTED -> "HALTED (kill switch): only cancels and closing orders pass";
        });
    }

    /** Asks the broker to cancel the order of {@code row}, then reloads. */
    public void cancel(OpenOrderRow row) {
        statusMessage.set("Cancelling " + row.symbol() + " " + row.side() + " " + row.quantity() + "…");
        executor.execute(() -> {
            broker.cancel(row.brokerOrderId());
            return row;
        }, r -> {
            statusMessage.set("Cancel sent for " + r.clientOrderId() + " (" + r.symbol() + " " + r.side() + " " + r.quantity() + ")");
            refresh();
        }, e -> {
            statusMessage.set("");
            errorMessage.set("Cannot cancel " + row.clientOrderId() + ": " + message(e));
        });
    }

    /** Stops new jobs. */
    public void pause() {
        control("Paused: no new jobs start", TradingControls::pause);
    }

    /** Lets jobs run again and releases the kill switch. */
    public void resume() {
        control("Resumed: trading is active", TradingControls::resume);
    }

    /** Pulls the kill switch. */
    public void halt() {
        control("Kill switch on: only cancels and closing orders pass", TradingControls::halt);
    }

    private void control(String done, java.util.function.Consumer<TradingControls> action) {
        if (controls == null) {
            return;
        }
        executor.execute(() -> {
            action.accept(controls);
            return controls.state();
        }, s -> {
            showState(s);
            statusMessage.set(done);
        }, e -> errorMessage.set("Cannot change the trading state: " + message(e)));
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** True when pause, resume and the kill switch can be used. */
    public boolean hasControls() {
        return controls != null;
    }

    public ReadOnlyStringProperty equityProperty() { return equity.getReadOnlyProperty(); }
    public ReadOnlyStringProperty cashProperty() { return cash.getReadOnlyProperty(); }
    public ReadOnlyStringProperty buyingPowerProperty() { return buyingPower.getReadOnlyProperty(); }
    /** Equity minus the previous close's equity: "+$225.60". */
    public ReadOnlyStringProperty dayProfitTextProperty() { return dayProfitText.getReadOnlyProperty(); }
    /** The day's P&amp;L against the previous close: "+1.67% since the last close". */
    public ReadOnlyStringProperty dayProfitPercentProperty() { return dayProfitPercent.getReadOnlyProperty(); }
    /** The day's P&amp;L in dollars (its sign colours the tile). */
    public ReadOnlyDoubleProperty dayProfitProperty() { return dayProfit.getReadOnlyProperty(); }
    /** Broker name and account id. */
    public ReadOnlyStringProperty accountTextProperty() { return accountText.getReadOnlyProperty(); }
    public ObservableList<PositionRow> positions() { return positions; }
    public ObservableList<OpenOrderRow> openOrders() { return openOrders; }
    public ObservableList<HistoryRow> history() { return history; }
    public ReadOnlyStringProperty reconciliationTextProperty() { return reconciliationText.getReadOnlyProperty(); }
    public ObservableList<String> reconciliationLines() { return reconciliationLines; }
    /** The trading state, or null when no controls are connected. */
    public ReadOnlyObjectProperty<TradingControls.State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stateTextProperty() { return stateText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorMessageProperty() { return errorMessage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusMessageProperty() { return statusMessage.getReadOnlyProperty(); }
    /** "Updated 15:04:07". */
    public ReadOnlyStringProperty updatedTextProperty() { return updatedText.getReadOnlyProperty(); }
}
