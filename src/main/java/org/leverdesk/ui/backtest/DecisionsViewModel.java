package org.leverdesk.ui.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.GateResult;
import org.leverdesk.strategy.catalog.SignalLabels;

/**
 * The Decisions tab: a run's recorded decisions, optionally only those that traded, and the gates
 * and signals of the selected one.
 */
public final class DecisionsViewModel {
    private final ObservableList<Decision> all = FXCollections.observableArrayList();
    private final FilteredList<Decision> shown = new FilteredList<>(all);
    private final BooleanProperty tradesOnly = new SimpleBooleanProperty(this, "tradesOnly");
    private final ObjectProperty<Decision> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<GateResult> gates = FXCollections.observableArrayList();
    private final ObservableList<Map.Entry<String, String>> signals = FXCollections.observableArrayList();

    DecisionsViewModel() {
        tradesOnly.addListener((obs, old, now) -> shown.setPredicate(now ? Decision::rebalance : null));
        selected.addListener((obs, old, now) -> detail(now));
    }

    /** Replaces the decisions (oldest first) and clears the selection. */
    void show(List<Decision> decisions) {
        selected.set(null);
        all.setAll(decisions);
    }

    /** The decisions that pass the filter, oldest first. */
    public ObservableList<Decision> rows() {
        return FXCollections.unmodifiableObservableList(shown);
    }

    /** Total decisions of the run, filtered or not. */
    public int total() {
        return all.size();
    }

    /** When true only decisions that rebalanced are listed. */
    public BooleanProperty tradesOnlyProperty() {
        return tradesOnly;
    }

    /** The decision whose gates and signals are shown (null for none). */
    public ObjectProperty<Decision> selectedProperty() {
        return selected;
    }

    /** The selected decision's gates in the order checked. */
    public ObservableList<GateResult> gates() {
        return FXCollections.unmodifiableObservableList(gates);
    }

    /** The selected decision's signals as name and formatted value, in display order. */
    public ObservableList<Map.Entry<String, String>> signals() {
        return FXCollections.unmodifiableObservableList(signals);
    }

    /** "✓ 3 / ✗ 1" style count of passing and failing gates, "" when none were checked. */
    static String gateSummary(Decision d) {
        List<GateResult> g = d.explanation().gates();
        if (g.isEmpty()) {
            return "";
        }
        long pass = g.stream().filter(GateResult::passed).count();
        return pass == g.size() ? "all " + g.size() + " pass" : (g.size() - pass) + " of " + g.size() + " fail";
    }

    private void detail(Decision d) {
        if (d == null) {
            gates.clear();
            signals.clear();
            return;
        }
        gates.setAll(d.explanation().gates());
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        // the signals in a trader's words and units ("Lower Bollinger band $9.31"), never the strategy's keys
        d.explanation().signals().forEach((name, value) -> rows.add(Map.entry(SignalLabels.label(name), SignalLabels.value(name, value))));
        signals.setAll(rows);
    }
}
