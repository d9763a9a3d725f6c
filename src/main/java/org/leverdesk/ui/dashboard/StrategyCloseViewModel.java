package org.leverdesk.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.leverdesk.emergency.EmergencyScope;
import org.leverdesk.ui.common.ConfirmPrompt;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.dashboard.DashboardSnapshot.PositionRow;
import org.leverdesk.ui.orders.PanicReport;
import org.leverdesk.ui.orders.StrategyClose;

/**
 * The Dashboard's "Close strategy…" (the window's {@code leverdesk force-exit --strategy S}): asks the person through the
 * confirmation service, naming the strategy and what is closed, then runs the one emergency exit with that strategy's
 * scope on a thread of its own ({@link StrategyClose}) and keeps its report for the view: the summary, and a line per
 * order cancelled and per part closed or not closed (with the reason). A close that did not fully work leaves a
 * one-line error.
 */
public final class StrategyCloseViewModel {
    private final StrategyClose close;
    private final ConfirmPrompt confirm;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper reportSummary = new ReadOnlyStringWrapper(this, "reportSummary", "");
    private final ObservableList<PanicReport.Line> reportLines = FXCollections.observableArrayList();
    private Runnable onClosed = () -> { };

    /**
     * @param close   the one emergency exit with the scope {@code force-exit --strategy} closes
     * @param confirm asked before each close; {@link ConfirmPrompt#NONE} closes nothing
     */
    public StrategyCloseViewModel(StrategyClose close, ConfirmPrompt confirm) {
        this.close = Objects.requireNonNull(close, "closing a strategy needs the emergency exit");
        this.confirm = Objects.requireNonNull(confirm, "closing a strategy needs a confirmation prompt");
    }

    /** Runs on the UI thread after each close's report (the Dashboard re-reads the account). */
    public void setOnClosed(Runnable onClosed) {
        this.onClosed = onClosed == null ? () -> { } : onClosed;
    }

    /**
     * Asks, then closes {@code strategyId}: its open orders are cancelled, its shares closed and its own part of every
     * option contract it holds (shorts bought back before longs are sold); other strategies keep trading and the account
     * is not halted. {@code held} is the account's positions as last shown (named in the question). Call on the UI thread.
     */
    public void close(String strategyId, List<PositionRow> held) {
        if (strategyId == null || running.get()) {
            return;
        }
        if (close.isRunning()) {
            error.set(busy(strategyId));
            return;
        }
        EmergencyScope scope;
        try {
            scope = close.scope(strategyId);
        } catch (RuntimeException e) {
            error.set("Cannot close " + strategyId + ": " + text(e));
            return;
        }
        String question = "Close strategy " + strategyId + " now?";
        if (!confirm.confirm(question, details(scope, held, close.brokerName()), "Close " + strategyId)) {
            message.set(strategyId + " not closed: nothing was sent");
            return;
        }
        error.set("");
        reportSummary.set("");
        reportLines.clear();
        // set before starting: the report may come back before start returns
        running.set(true);
        message.set("Closing " + strategyId + " at " + close.brokerName() + "…");
        if (!close.start(scope, this::show)) {
            running.set(false);
            message.set("");
            error.set(busy(strategyId));
        }
    }

    private void show(PanicReport report) {
        running.set(false);
        message.set("");
        reportSummary.set(report.summary());
        reportLines.setAll(report.lines());
        error.set(report.allOk() ? "" : report.summary());
        onClosed.run();
    }

    /** Puts the last report away. */
    public void dismissReport() {
        reportSummary.set("");
        reportLines.clear();
        error.set("");
        message.set("");
    }

    /** What the question says: the scope, what is held now in its symbols, and what the close does and does not do. */
    static String details(EmergencyScope scope, List<PositionRow> held, String broker) {
        String id = scope.strategyId();
        List<String> now = new ArrayList<>();
        for (PositionRow p : held) {
            boolean share = scope.symbols() != null && scope.symbols().contains(p.symbol());
            if (share) {
                now.add(p.symbol() + " " + Formats.quantity(p.quantity()));
            } else if (scope.isOwnOption(p.symbol())) {
                now.add(p.symbol() + " " + Formats.quantity(p.quantity()) + " (only " + id + "'s part)");
            }
        }
        String roots = scope.optionRoots().isEmpty() ? ""
                : " and its own part of every option contract on " + String.join(", ", new TreeSet<>(scope.optionRoots()))
                + " (shorts bought back before longs are sold; other strategies' parts stay)";
        String shares = scope.symbols() == null || scope.symbols().isEmpty() ? "no shares"
                : "its shares of " + String.join(", ", new TreeSet<>(scope.symbols()));
        return "Closes " + scope.label() + " at " + broker + ": "
                + id + "'s open orders are cancelled, then " + shares + roots + " are closed with market orders (at the next"
                + " open when the market is closed), each part recorded before it is sent.\n\n"
                + "Held now: " + (now.isEmpty() ? "nothing in these symbols" : String.join(", ", now)) + ".\n\n"
                + "Other strategies keep trading and trading is not halted; " + id + " stays enabled, so its next run may buy"
                + " again: turn it off in Settings. The same as 'leverdesk force-exit --strategy " + id + "'. This cannot be"
                + " undone.";
    }

    private static String busy(String strategyId) {
        return "Cannot close " + strategyId + " now: another emergency close (Close all or a strategy's) is running;"
                + " wait for its report, then look again";
    }

    private static String text(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
    }

    /** True while a close of this view runs (the button waits). */
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** "Closing regime at paper…" while it runs, or why nothing was sent. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** One line when a close could not start or did not fully work; "" otherwise. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** The last report's one-line summary ("" before the first close and after Dismiss). */
    public ReadOnlyStringProperty reportSummaryProperty() { return reportSummary.getReadOnlyProperty(); }
    /** The last report's lines: each order cancelled, each part closed or not and why, the result. */
    public ObservableList<PanicReport.Line> reportLines() { return reportLines; }
}
