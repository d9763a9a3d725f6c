package org.leverdesk.ui.backtest;

import java.util.ArrayList;
import java.util.List;
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
import org.leverdesk.backtest.BacktestRequest;
import org.leverdesk.backtest.parity.ParityReport;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.ui.common.Formats;

/**
 * The "Replay as live" tab: what was replayed, its progress, and the verdict of the parity replay —
 * identical, or the first difference with both sides — with one row per thing compared. Only the
 * newest replay's updates are taken (an older one's late progress is ignored).
 */
public final class ParityViewModel {
    /** One compared item: what, and what the replay found. */
    public record Row(String check, String result) {
    }

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Boolean> identical = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private CancellationToken token = CancellationToken.NONE;

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is (or was) replayed: "rsi2 on TQQQ 2016-01-04 … 2025-09-26 · $10,000". */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** "Identical over N sessions …", "First difference on …", "Replaying 2021-03-04…", or why it failed. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** TRUE when the two runs agreed, FALSE on a difference, null while running or after a failure. */
    public ReadOnlyObjectProperty<Boolean> identicalProperty() {
        return identical.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    void started(BacktestRequest request, CancellationToken t) {
        token = t;
        running.set(true);
        progress.set(0);
        identical.set(null);
        rows.clear();
        heading.set(request.strategyId() + " on " + request.symbol() + " " + Formats.date(request.from()) + " … "
                + Formats.date(request.to()) + " · " + Formats.wholeMoney(request.capital()));
        verdict.set("Replaying through the live path…");
    }

    void progress(CancellationToken t, double fraction, String message) {
        if (t == token && running.get()) {
            progress.set(fraction);
            verdict.set(message.isEmpty() ? "Replaying through the live path…" : "Replaying " + message + "…");
        }
    }

    void finished(CancellationToken t, ParityReport report) {
        if (t != token) {
            return;
        }
        running.set(false);
        progress.set(1);
        identical.set(report.identical());
        verdict.set(report.identical() ? "Identical: the live path did what the backtest did over " + Formats.count(report.sessions())
                + " sessions" : "Different: first difference on " + report.firstDifference());
        rows.setAll(rowsOf(report));
    }

    /** {@code reason} null: cancelled. */
    void failed(CancellationToken t, String reason) {
        if (t != token) {
            return;
        }
        running.set(false);
        progress.set(0);
        identical.set(null);
        verdict.set(reason == null ? "Replay cancelled." : "Replay failed: " + reason);
    }

    void cancel() {
        if (running.get()) {
            token.cancel();
            verdict.set("Cancelling…");
        }
    }

    static List<Row> rowsOf(ParityReport r) {
        List<Row> out = new ArrayList<>();
        ParityReport.Difference d = r.firstDifference();
        String same = "✓ same";
        out.add(new Row("Sessions replayed", Formats.count(r.sessions())));
        out.add(new Row("Decisions (" + Formats.count(r.decisions()) + ")", differs(d, "decision") ? "✗ " + side(d) : same));
        out.add(new Row("Orders sent by the live path", Formats.count(r.orders())));
        out.add(new Row("Fills (" + Formats.count(r.fills()) + ")", differs(d, "fill") ? "✗ " + side(d) : same));
        out.add(new Row("Equity at every close (to the cent)", differs(d, "equity") ? "✗ " + side(d) : same));
        if (d != null) {
            out.add(new Row("First difference", d.toString()));
        }
        return out;
    }

    private static boolean differs(ParityReport.Difference d, String what) {
        return d != null && d.what().contains(what);
    }

    private static String side(ParityReport.Difference d) {
        return Formats.date(d.day()) + " " + d.what() + ": backtest " + d.backtest() + ", live " + d.live();
    }
}
