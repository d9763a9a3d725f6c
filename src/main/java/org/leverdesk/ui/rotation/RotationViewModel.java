package org.leverdesk.ui.rotation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.leverdesk.insight.RotationInsightService;
import org.leverdesk.insight.RotationStatus;
import org.leverdesk.strategy.rotation.RotationAnalysis;
import org.leverdesk.strategy.rotation.Sleeve;
import org.leverdesk.ui.chart.ChartSeries;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Rotation view's state: the four sleeves' NAV curves, each sleeve's ranking table, the chosen
 * sleeve and why, the skipped tickers, and the planned targets with their deltas against the paper
 * account. Loading runs through the {@link TaskExecutor}; nothing is traded.
 */
public final class RotationViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(RotationViewModel.class);
    private final RotationInsightService service;
    private final TaskExecutor executor;
    private int generation;

    private final ReadOnlyObjectWrapper<RotationStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyStringWrapper dataText = new ReadOnlyStringWrapper(this, "dataText", "");
    private final ReadOnlyStringWrapper chosenText = new ReadOnlyStringWrapper(this, "chosenText", "");
    private final ReadOnlyStringWrapper whyText = new ReadOnlyStringWrapper(this, "whyText", "");
    private final ReadOnlyStringWrapper scheduleText = new ReadOnlyStringWrapper(this, "scheduleText", "");
    private final ReadOnlyStringWrapper accountText = new ReadOnlyStringWrapper(this, "accountText", "");
    private final ReadOnlyObjectWrapper<List<ChartSeries>> navSeries = new ReadOnlyObjectWrapper<>(this, "navSeries", List.of());
    private final Map<Sleeve, ObservableList<RankingRow>> rankings = new EnumMap<>(Sleeve.class);
    private final Map<Sleeve, ReadOnlyStringWrapper> sleeveTitles = new EnumMap<>(Sleeve.class);
    private final ObservableList<String> skipped = FXCollections.observableArrayList();
    private final ObservableList<PlanRow> plan = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");

    public RotationViewModel(RotationInsightService service, TaskExecutor executor) {
        this.service = service;
        this.executor = executor;
        for (Sleeve s : Sleeve.values()) {
            rankings.put(s, FXCollections.observableArrayList());
            sleeveTitles.put(s, new ReadOnlyStringWrapper(this, "title" + s, s.name()));
        }
    }

    /** Computes the status in the background; a newer refresh supersedes an older one. */
    public void refresh() {
        int mine = ++generation;
        loading.set(true);
        errorMessage.set("");
        executor.execute(service::status, s -> {
            if (mine == generation) {
                show(s);
                loading.set(false);
            }
        }, e -> {
            if (mine != generation) {
                return;
            }
            LOG.warn("rotation view could not load", e);
            loading.set(false);
            errorMessage.set("Cannot compute the rotation: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        });
    }

    private void show(RotationStatus s) {
        RotationAnalysis a = s.analysis();
        dataText.set((s.simulated() ? "DEMO — simulated prices" : s.sourceLabel()) + " · data date " + s.dataDate());
        chosenText.set(a.chosen() == null ? "CASH" : a.chosen().name());
        whyText.set(a.why());
        scheduleText.set(s.daysToRebalance() == 0 ? "the data date is a rebalance day (every "
                + service.config().cooldownDays() + " trading days)"
                : "next rebalance in " + s.daysToRebalance() + " trading day(s); shown as if rebalancing on the data date");
        accountText.set(s.account().label() + " · equity " + Formats.money(s.equity()));
        int n = a.navDates().size();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = ChartSeries.epochSeconds(a.navDates().get(i));
        }
        List<ChartSeries> lines = new ArrayList<>();
        for (Sleeve sl : Sleeve.values()) {
            RotationAnalysis.SleeveResult r = a.sleeves().get(sl);
            lines.add(new ChartSeries(sl.name(), x, r.nav()));
            rankings.get(sl).setAll(r.ranking().stream().map(RankingRow::of).toList());
            sleeveTitles.get(sl).set(String.format(Locale.ROOT, "%s $%,.0f · drawdown %.1f%%", sl.name(), r.lastNav(),
                    r.drawdown() * 100));
        }
        navSeries.set(List.copyOf(lines));
        skipped.setAll(a.skipped().stream().map(k -> k.ticker() + " — " + k.reason()).toList());
        plan.setAll(s.plan().stream().map(PlanRow::of).toList());
        status.set(s);
    }

    public ReadOnlyObjectProperty<RotationStatus> statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty dataTextProperty() { return dataText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty chosenTextProperty() { return chosenText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty whyTextProperty() { return whyText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty scheduleTextProperty() { return scheduleText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty accountTextProperty() { return accountText.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<ChartSeries>> navSeriesProperty() { return navSeries.getReadOnlyProperty(); }
    /** The ranking table of {@code sleeve}: every eligible ticker, best Sharpe first. */
    public ObservableList<RankingRow> ranking(Sleeve sleeve) { return rankings.get(sleeve); }
    /** "SPEC $123,456 · drawdown 3.2%": the sleeve's NAV and its drawdown from the peak. */
    public ReadOnlyStringProperty sleeveTitleProperty(Sleeve sleeve) { return sleeveTitles.get(sleeve).getReadOnlyProperty(); }
    public ObservableList<String> skipped() { return skipped; }
    public ObservableList<PlanRow> plan() { return plan; }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorMessageProperty() { return errorMessage.getReadOnlyProperty(); }
}
