package org.leverdesk.ui.dashboard;

import org.leverdesk.riskguard.RiskGuardStatus;
import java.time.ZoneId;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.TaskExecutor;
import org.leverdesk.ui.orders.TradingControls;
import org.leverdesk.ui.dashboard.DashboardSnapshot.AccountSummary;
import org.leverdesk.ui.dashboard.DashboardSnapshot.PositionRow;
import org.leverdesk.ui.dashboard.DashboardSnapshot.StrategyRow;

/**
 * The Dashboard's state: account figures for the tiles, positions, each strategy's next run and last
 * decision, the scheduler and trading state. {@link #refresh()} reads a new snapshot in the background;
 * a refresh asked for while one is running is skipped, so a slow broker never piles up requests.
 */
public final class DashboardViewModel {
    private final DashboardSource source;
    private final TradingControls controls;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private boolean inFlight;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Dashboard");
    private final ReadOnlyDoubleWrapper equity = new ReadOnlyDoubleWrapper(this, "equity", Double.NaN);
    private final ReadOnlyDoubleWrapper cash = new ReadOnlyDoubleWrapper(this, "cash", Double.NaN);
    private final ReadOnlyDoubleWrapper dayProfit = new ReadOnlyDoubleWrapper(this, "dayProfit", Double.NaN);
    private final ReadOnlyDoubleWrapper totalProfit = new ReadOnlyDoubleWrapper(this, "totalProfit", Double.NaN);
    private final ReadOnlyStringWrapper equityText = new ReadOnlyStringWrapper(this, "equityText", "");
    private final ReadOnlyStringWrapper dayProfitText = new ReadOnlyStringWrapper(this, "dayProfitText", "");
    private final ReadOnlyStringWrapper totalProfitText = new ReadOnlyStringWrapper(this, "totalProfitText", "");
    private final ReadOnlyStringWrapper schedulerState = new ReadOnlyStringWrapper(this, "schedulerState", "");
    private final ReadOnlyStringWrapper tradingState = new ReadOnlyStringWrapper(this, "tradingState", "");
    private final ReadOnlyStringWrapper updatedText = new ReadOnlyStringWrapper(this, "updatedText", "");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final javafx.beans.property.ReadOnlyObjectWrapper<TradingControls.State> controlsState =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "controlsState");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live");
    private final ObservableList<PositionRow> positions = FXCollections.observableArrayList();
    private final ObservableList<StrategyRow> strategies = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper guardBanner = new ReadOnlyStringWrapper(this, "guardBanner", "");
    private final javafx.beans.property.ReadOnlyObjectWrapper<RiskGuardStatus.Level> guardLevel =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "guardLevel", RiskGuardStatus.Level.OK);
    private final ObservableList<GuardGauge> guardGauges = FXCollections.observableArrayList();

    /**
     * One RiskGuard gauge as drawn: {@code fraction} of the limit used (clamped to 0..1 for the bar),
     * {@code reached} when the limit is hit.
     */
    public record GuardGauge(String strategyId, String name, double fraction, String text, boolean reached) {
    }

    /** @param controls pause/resume and the kill switch; null when there is nothing to control (the buttons hide) */
    public DashboardViewModel(DashboardSource source, TradingControls controls, TaskExecutor executor, ZoneId zone) {
        this.source = source;
        this.controls = controls;
        this.executor = executor;
        this.zone = zone;
    }

    /** A dashboard without trading controls. */
    public DashboardViewModel(DashboardSource source, TaskExecutor executor, ZoneId zone) {
        this(source, null, executor, zone);
    }

    /** True when Pause, Resume and the kill switch can be offered. */
    public boolean hasControls() {
        return controls != null;
    }

    /** Stops new jobs (a running one finishes). */
    public void pause() {
        control(TradingControls::pause, "pause");
    }

    /** Starts jobs again and releases the kill switch. */
    public void resume() {
        control(TradingControls::resume, "resume");
    }

    /** The kill switch: no new orders but cancels and closing orders until Resume. */
    public void halt() {
        control(TradingControls::halt, "engage the kill switch");
    }

    private void control(java.util.function.Consumer<TradingControls> action, String what) {
        if (controls == null) {
            return;
        }
        executor.execute(() -> {
            action.accept(controls);
            return controls.state();
        }, state -> {
            controlsState.set(state);
            refresh();
        }, error -> errorMessage.set("Could not " + what + ": " + error.getMessage()));
    }

    /** Reads a new snapshot in the background unless one is being read. */
    public void refresh() {
        if (inFlight) {
            return;
        }
        inFlight = true;
        loading.set(true);
        try {
            // the switches' state is read with the snapshot, so Pause/Resume/Kill are offered as in the Orders view
            executor.execute(() -> new Read(source.snapshot(), controls == null ? null : controls.state()), read -> {
                controlsState.set(read.state());
                show(read.snapshot());
            }, error -> {
                inFlight = false;
                loading.set(false);
                errorMessage.set("Could not refresh the dashboard: " + error.getMessage());
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The window is closing and its executor has shut down: a timer's last refresh is dropped.
            inFlight = false;
            loading.set(false);
        }
    }

    /** A snapshot and the trading switches' state, read together off the UI thread. */
    private record Read(DashboardSnapshot snapshot, TradingControls.State state) {
    }

    private void show(DashboardSnapshot s) {
        inFlight = false;
        loading.set(false);
        live.set(s.live());
        title.set("Dashboard — " + s.brokerName() + (s.live() ? " account · LIVE (real money)" : " account"));
        AccountSummary a = s.account();
        equity.set(a == null ? Double.NaN : a.equity());
        cash.set(a == null ? Double.NaN : a.cash());
        dayProfit.set(a == null ? Double.NaN : a.dayProfit());
        totalProfit.set(a == null ? Double.NaN : a.totalProfit());
        equityText.set(a == null ? Formats.MISSING
                : "cash " + Formats.money(a.cash()) + " · buying power " + Formats.money(a.buyingPower()));
        dayProfitText.set(a == null ? Formats.MISSING : signedPercent(a.dayProfit(), a.equity() - a.dayProfit()) + " since yesterday's close");
        totalProfitText.set(a == null || Double.isNaN(a.totalProfit()) ? "unknown for this broker" : a.totalProfitLabel());
        errorMessage.set(s.accountError() == null ? "" : s.accountError());
        positions.setAll(s.positions());
        if (!strategies.equals(s.strategies())) { // unchanged on most refreshes: the selected row stays selected
            strategies.setAll(s.strategies());
        }
        schedulerState.set("Scheduler: " + s.schedulerState());
        tradingState.set("Trading: " + s.tradingState());
        updatedText.set("updated " + Formats.dateTime(s.asOf(), zone));
        showGuard(s.guard());
    }

    /**
     * The banner is the strictest strategy's level with every strategy's headline; the gauges are the limits
     * that are on (a limit set to 0 has nothing to show).
     */
    private void showGuard(java.util.List<RiskGuardStatus> statuses) {
        RiskGuardStatus.Level worst = RiskGuardStatus.Level.OK;
        java.util.List<String> parts = new java.util.ArrayList<>();
        java.util.List<GuardGauge> gauges = new java.util.ArrayList<>();
        for (RiskGuardStatus st : statuses) {
            if (rank(st.level()) > rank(worst)) {
                worst = st.level();
            }
            parts.add(st.strategyId() + ": " + st.headline());
            for (RiskGuardStatus.Gauge g : st.gauges()) {
                if (g.on()) {
                    gauges.add(new GuardGauge(st.strategyId(), g.name(), Math.min(1, g.fraction()), g.text(), g.fraction() >= 1 - 1e-12));
                }
            }
        }
        guardLevel.set(worst);
        guardBanner.set(statuses.isEmpty() ? "" : "RiskGuard " + label(worst) + " — " + String.join(" · ", parts));
        guardGauges.setAll(gauges);
    }

    private static int rank(RiskGuardStatus.Level l) {
        return switch (l) {
            case OK -> 0;
            case COOLING_DOWN -> 1;
            case REDUCING -> 2;
            case HALTED -> 3;
        };
    }

    private static String label(RiskGuardStatus.Level l) {
        return l == RiskGuardStatus.Level.COOLING_DOWN ? "COOLING DOWN" : l.name();
    }

    /** The RiskGuard banner's text ("" when no strategy is enabled). */
    public ReadOnlyStringProperty guardBannerProperty() { return guardBanner.getReadOnlyProperty(); }
    /** The strictest RiskGuard level of the enabled strategies. */
    public javafx.beans.property.ReadOnlyObjectProperty<RiskGuardStatus.Level> guardLevelProperty() {
        return guardLevel.getReadOnlyProperty();
    }
    /** The gauges of the limits that are on. */
    public ObservableList<GuardGauge> guardGauges() { return guardGauges; }

    private static String signedPercent(double change, double base) {
        if (!(base > 0)) {
            return Formats.MISSING;
        }
        return (change >= 0 ? "+" : "") + Formats.percent(change / base);
    }

    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty equityProperty() { return equity.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty cashProperty() { return cash.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty dayProfitProperty() { return dayProfit.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty totalProfitProperty() { return totalProfit.getReadOnlyProperty(); }
    public ReadOnlyStringProperty equityTextProperty() { return equityText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty dayProfitTextProperty() { return dayProfitText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty totalProfitTextProperty() { return totalProfitText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty schedulerStateProperty() { return schedulerState.getReadOnlyProperty(); }
    public ReadOnlyStringProperty tradingStateProperty() { return tradingState.getReadOnlyProperty(); }
    public ReadOnlyStringProperty updatedTextProperty() { return updatedText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorMessageProperty() { return errorMessage.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ObservableList<PositionRow> positions() { return positions; }
    /** The trading switches' state as last read (null before the first read or without controls). */
    public javafx.beans.property.ReadOnlyObjectProperty<TradingControls.State> controlsStateProperty() {
        return controlsState.getReadOnlyProperty();
    }
    /** True only for an account that trades real money. */
    public ReadOnlyBooleanProperty liveProperty() { return live.getReadOnlyProperty(); }

    /** A strategy's switch in words: "off", "on · paper" or, only on a live account, "on · LIVE". */
    public String runsText(StrategyRow row) {
        return !row.enabled() ? "off" : live.get() ? "on · LIVE" : "on · paper";
    }

    /**
     * The last decision as the strategies table shows it: its day, action and first reason (the text up to its
     * second "; "), with " …" when more follows; the whole sentence is the row's tooltip and in the Journal. A regime
     * decision's full sizing formula ran to ten wrapped lines at 1024×700, taller than the table.
     */
    public static String briefDecision(String lastDecision) {
        if (lastDecision == null) {
            return Formats.MISSING;
        }
        String[] parts = lastDecision.split("; ", 3);
        return parts.length < 3 ? lastDecision : parts[0] + "; " + parts[1] + " …";
    }

    /** True when the button is offered now: the same rules as the Orders view's (see {@link TradingControls.State}). */
    public boolean canPause() {
        return controlsState.get() != null && controlsState.get().canPause();
    }

    public boolean canResume() {
        return controlsState.get() != null && controlsState.get().canResume();
    }

    public boolean canHalt() {
        return controlsState.get() != null && controlsState.get().canHalt();
    }
    public ObservableList<StrategyRow> strategies() { return strategies; }
}
