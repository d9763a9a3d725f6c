package org.leverdesk.ui.regime;

import org.leverdesk.market.data.MarketData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.GateResult;
import org.leverdesk.insight.AccountSnapshot;
import org.leverdesk.insight.RegimeHistory;
import org.leverdesk.insight.RegimeInsightService;
import org.leverdesk.insight.RegimeStatus;
import org.leverdesk.strategy.catalog.SignalLabels;
import org.leverdesk.strategy.regime.Regime;
import org.leverdesk.ui.chart.ChartBand;
import org.leverdesk.ui.chart.ChartSeries;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Regime view's state: today's status "if run now" (regime, signals, gate checklist, target vs
 * held, the what-if order), the regime history as chart series with regime bands, and the decision
 * of a day picked on the chart. Loading runs through the {@link TaskExecutor}; nothing is traded.
 */
public final class RegimeViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(RegimeViewModel.class);

    private final RegimeInsightService service;
    private final TaskExecutor executor;
    private int generation;

    private final ReadOnlyObjectWrapper<RegimeStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyObjectWrapper<Regime> regime = new ReadOnlyObjectWrapper<>(this, "regime");
    private final ReadOnlyStringWrapper regimeText = new ReadOnlyStringWrapper(this, "regimeText", "");
    private final ReadOnlyStringWrapper regimeDetail = new ReadOnlyStringWrapper(this, "regimeDetail", "");
    private final ReadOnlyStringWrapper dataText = new ReadOnlyStringWrapper(this, "dataText", "");
    private final ReadOnlyDoubleWrapper momentum = new ReadOnlyDoubleWrapper(this, "momentum", Double.NaN);
    private final ReadOnlyDoubleWrapper volatility = new ReadOnlyDoubleWrapper(this, "volatility", Double.NaN);
    private final ReadOnlyStringWrapper volBand = new ReadOnlyStringWrapper(this, "volBand", "");
    private final ReadOnlyDoubleWrapper trendStrength = new ReadOnlyDoubleWrapper(this, "trendStrength", Double.NaN);
    private final ReadOnlyDoubleWrapper overextension = new ReadOnlyDoubleWrapper(this, "overextension", Double.NaN);
    private final ObservableList<GateRow> gates = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper gateSummary = new ReadOnlyStringWrapper(this, "gateSummary", "");
    private final ReadOnlyStringWrapper positionText = new ReadOnlyStringWrapper(this, "positionText", "");
    private final ReadOnlyStringWrapper orderText = new ReadOnlyStringWrapper(this, "orderText", "");
    private final ReadOnlyStringWrapper order = new ReadOnlyStringWrapper(this, "order", "");
    private final ReadOnlyStringWrapper decisionSummary = new ReadOnlyStringWrapper(this, "decisionSummary", "");

    private final ReadOnlyObjectWrapper<RegimeHistory> history = new ReadOnlyObjectWrapper<>(this, "history");
    private final ReadOnlyObjectWrapper<List<ChartSeries>> priceSeries = new ReadOnlyObjectWrapper<>(this, "priceSeries", List.of());
    private final ReadOnlyObjectWrapper<List<ChartSeries>> positionSeries = new ReadOnlyObjectWrapper<>(this, "positionSeries", List.of());
    private final ReadOnlyObjectWrapper<List<ChartBand>> bands = new ReadOnlyObjectWrapper<>(this, "bands", List.of());

    private final ReadOnlyStringWrapper dayTitle = new ReadOnlyStringWrapper(this, "dayTitle", "");
    private final ReadOnlyStringWrapper daySummary = new ReadOnlyStringWrapper(this, "daySummary", "");
    private final ObservableList<GateRow> dayGates = FXCollections.observableArrayList();
    private final ObservableList<SignalRow> daySignals = FXCollections.observableArrayList();

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");

    public RegimeViewModel(RegimeInsightService service, TaskExecutor executor) {
        this.service = service;
        this.executor = executor;
    }

    /**
     * Computes today's status, then the whole regime history, in the background, showing each as it
     * arrives (the panel first, the decades of chart after); a newer refresh supersedes an older one.
     */
    public void refresh() {
        int mine = ++generation;
        loading.set(true);
        errorMessage.set("");
        LocalDate today = service.today();
        long started = System.nanoTime();
        // Status first, then the history: both need the same prices, so a status error (e.g. no data) says it once.
        executor.execute(service::status, s -> {
            if (mine != generation) {
                return;
            }
            showStatus(s);
            LOG.info("regime status shown {} ms after the refresh began", (System.nanoTime() - started) / 1_000_000);
            executor.execute(() -> service.history(MarketData.EARLIEST, today, AccountSnapshot.PAPER_CASH, ProgressListener.NONE,
                    CancellationToken.NONE), h -> {
                        if (mine == generation) {
                            showHistory(h);
                            loading.set(false);
                            LOG.info("regime history of {} days shown {} ms after the refresh began", h.size(),
                                    (System.nanoTime() - started) / 1_000_000);
                        }
                    }, e -> fail(mine, e));
        }, e -> fail(mine, e));
    }

    private void fail(int mine, Throwable e) {
        if (mine != generation) {
            return;
        }
        LOG.warn("regime view could not load", e);
        loading.set(false);
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        errorMessage.set("Cannot compute the regime: " + m);
    }

    private void showStatus(RegimeStatus s) {
        regime.set(s.confirmed());
        regimeText.set(s.confirmed() == null ? "NO REGIME" : s.confirmed().name().replace('_', ' '));
        regimeDetail.set("today " + (s.raw() == null ? "none" : s.raw().name().replace('_', ' ')) + " · " + s.dataDate());
        String data = (s.simulated() ? "DEMO — simulated prices" : s.sourceLabel()) + " · data date " + s.dataDate();
        dataText.set(s.stale() ? data + " · stale: the latest completed session is " + s.latestSession() : data);
        momentum.set(s.signal("momentumScore"));
        volatility.set(s.signal("realizedVol"));
        double vol = s.signal("realizedVol");
        volBand.set(Double.isNaN(vol) ? "" : service.config().signals().band(vol).name());
        trendStrength.set(s.signal("trendStrength") * 100);
        overextension.set(s.signal("overextension") * 100);
        gates.setAll(s.gates().stream().map(GateRow::of).toList());
        long passed = s.gates().stream().filter(GateResult::passed).count();
        gateSummary.set(passed + " of " + s.gates().size() + " gates pass");
        String symbol = s.order().symbol();
        positionText.set("target " + s.targetShares() + " " + symbol + " · held " + s.heldShares() + " · "
                + s.account().label());
        order.set(s.order().text());
        orderText.set("if run now: " + s.order().text());
        decisionSummary.set(s.decision().explanation().summary());
        status.set(s); // last: listeners of the status read the properties above
    }

    private void showHistory(RegimeHistory h) {
        history.set(h);
        int n = h.size();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = ChartSeries.epochSeconds(h.dates()[i]);
        }
        priceSeries.set(List.of(new ChartSeries(h.signalSymbol() + " close", x, h.close()),
                defined(h.signalSymbol() + " SMA-50", x, h.fastSma()), defined(h.signalSymbol() + " SMA-250", x, h.slowSma())));
        positionSeries.set(List.of(new ChartSeries(h.tradedSymbol() + " % of equity (backtest)", x, exposure(h))));
        List<ChartBand> b = new ArrayList<>();
        for (RegimeHistory.Span s : h.spans()) {
            // a span covers its days up to the next day's start, so adjacent bands meet without gaps
            double end = s.last() + 1 < n ? x[s.last() + 1] : x[s.last()] + 86_400;
            b.add(new ChartBand(x[s.first()], end, RegimeColors.band(s.regime())));
        }
        bands.set(List.copyOf(b));
        if (n > 0) {
            selectDay(h.dates()[n - 1]);
        }
    }

    /**
     * The backtest's holding of the traded symbol as a percent of its equity each day (0 before it
     * starts). A share count would be a second "size" beside the what-if's, sized against another
     * account; the percent says how invested the strategy was without that.
     */
    static double[] exposure(RegimeHistory h) {
        double[] out = new double[h.size()];
        if (h.backtest() == null) {
            return out;
        }
        for (var p : h.backtest().equity()) {
            int i = h.indexAtOrBefore(p.date());
            if (i >= 0 && h.dates()[i].equals(p.date()) && p.equity() > 0) {
                out[i] = p.positionValue() / p.equity() * 100;
            }
        }
        return out;
    }

    /** The points of {@code y} from its first defined (non-NaN) value on: SMAs have none during warm-up. */
    private static ChartSeries defined(String name, double[] x, double[] y) {
        int first = 0;
        while (first < y.length && Double.isNaN(y[first])) {
            first++;
        }
        return new ChartSeries(name, java.util.Arrays.copyOfRange(x, first, x.length), java.util.Arrays.copyOfRange(y, first, y.length));
    }

    /**
     * Shows the decision of {@code day}. On the status's data date (or later) that is the what-if
     * decision itself, sized against the same account as the panel above, so one day never has two
     * sizes; on earlier days it is the backtest's decision (or that of the last backtest day before
     * it), labelled as the backtest's and sized against the backtest's equity of that day.
     */
    public void selectDay(LocalDate day) {
        RegimeStatus now = status.get();
        if (now != null && !day.isBefore(now.dataDate())) {
            dayTitle.set(now.dataDate() + " · if run now · " + regimeName(now.decision()) + " · target " + now.targetShares() + " "
                    + now.order().symbol() + ", held " + now.heldShares() + " · " + now.account().label());
            showDay(now.decision());
            return;
        }
        RegimeHistory h = history.get();
        Decision d = h == null ? null : h.decisionOn(day);
        if (d == null) {
            dayTitle.set(day + ": no decision (the backtest had not started)");
            daySummary.set("");
            dayGates.clear();
            daySignals.clear();
            return;
        }
        int i = h.indexAtOrBefore(d.date());
        dayTitle.set(d.date() + " · backtest · " + regimeName(d) + " · held " + h.position()[i] + " " + h.tradedSymbol()
                + backtestEquity(h, d.date()));
        showDay(d);
    }

    private void showDay(Decision d) {
        daySummary.set(d.explanation().summary());
        dayGates.setAll(d.explanation().gates().stream().map(GateRow::of).toList());
        List<SignalRow> rows = new ArrayList<>();
        for (Map.Entry<String, Double> e : d.explanation().signals().entrySet()) {
            rows.add(new SignalRow(SignalLabels.label(e.getKey()), SignalLabels.value(e.getKey(), e.getValue())));
        }
        daySignals.setAll(rows);
    }

    private static String regimeName(Decision d) {
        // "STRONG BULL" as the regime tile writes it, never the enum's STRONG_BULL
        return d.explanation().regime() == null ? "no regime" : d.explanation().regime().replace('_', ' ');
    }

    /** " of a $12,345 backtest account" on {@code date}, or "" when unknown. */
    private static String backtestEquity(RegimeHistory h, LocalDate date) {
        if (h.backtest() == null) {
            return "";
        }
        for (var p : h.backtest().equity()) {
            if (p.date().equals(date)) {
                return " of a " + Formats.wholeMoney(p.equity()) + " backtest account";
            }
        }
        return "";
    }

    public ReadOnlyObjectProperty<RegimeStatus> statusProperty() { return status.getReadOnlyProperty(); }
    /** Today's confirmed regime; null before there is one. */
    public ReadOnlyObjectProperty<Regime> regimeProperty() { return regime.getReadOnlyProperty(); }
    /** The confirmed regime for display, e.g. "STRONG BULL". */
    public ReadOnlyStringProperty regimeTextProperty() { return regimeText.getReadOnlyProperty(); }
    /** The raw regime and the data date. */
    public ReadOnlyStringProperty regimeDetailProperty() { return regimeDetail.getReadOnlyProperty(); }
    /** Where the prices come from and the data date, with a staleness warning. */
    public ReadOnlyStringProperty dataTextProperty() { return dataText.getReadOnlyProperty(); }
    /** Momentum score in [0, 1]. */
    public ReadOnlyDoubleProperty momentumProperty() { return momentum.getReadOnlyProperty(); }
    /** Realized volatility, annualized %. */
    public ReadOnlyDoubleProperty volatilityProperty() { return volatility.getReadOnlyProperty(); }
    /** LOW, NORMAL, HIGH or EXTREME. */
    public ReadOnlyStringProperty volBandProperty() { return volBand.getReadOnlyProperty(); }
    /** Close above the slow SMA, %. */
    public ReadOnlyDoubleProperty trendStrengthProperty() { return trendStrength.getReadOnlyProperty(); }
    /** Close above the fast SMA, %. */
    public ReadOnlyDoubleProperty overextensionProperty() { return overextension.getReadOnlyProperty(); }
    /** Today's gate checklist. */
    public ObservableList<GateRow> gates() { return FXCollections.unmodifiableObservableList(gates); }
    public ReadOnlyStringProperty gateSummaryProperty() { return gateSummary.getReadOnlyProperty(); }
    /** Target vs held shares and the account they are sized against. */
    public ReadOnlyStringProperty positionTextProperty() { return positionText.getReadOnlyProperty(); }
    /** "if run now: buy 12 TQQQ". */
    public ReadOnlyStringProperty orderTextProperty() { return orderText.getReadOnlyProperty(); }
    /** The what-if order alone: "buy 12 TQQQ", "sell 5 TQQQ" or "no order". */
    public ReadOnlyStringProperty orderProperty() { return order.getReadOnlyProperty(); }
    public ReadOnlyStringProperty decisionSummaryProperty() { return decisionSummary.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RegimeHistory> historyProperty() { return history.getReadOnlyProperty(); }
    /** Close, SMA-50 and SMA-250 of the signal symbol. */
    public ReadOnlyObjectProperty<List<ChartSeries>> priceSeriesProperty() { return priceSeries.getReadOnlyProperty(); }
    /** The traded symbol's share of the backtest's equity each day, in percent. */
    public ReadOnlyObjectProperty<List<ChartSeries>> positionSeriesProperty() { return positionSeries.getReadOnlyProperty(); }
    /** One shaded band per run of equal confirmed regime. */
    public ReadOnlyObjectProperty<List<ChartBand>> bandsProperty() { return bands.getReadOnlyProperty(); }
    public ReadOnlyStringProperty dayTitleProperty() { return dayTitle.getReadOnlyProperty(); }
    public ReadOnlyStringProperty daySummaryProperty() { return daySummary.getReadOnlyProperty(); }
    /** The gates of the selected day's decision. */
    public ObservableList<GateRow> dayGates() { return FXCollections.unmodifiableObservableList(dayGates); }
    /** The signals of the selected day's decision. */
    public ObservableList<SignalRow> daySignals() { return FXCollections.unmodifiableObservableList(daySignals); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorMessageProperty() { return errorMessage.getReadOnlyProperty(); }
}
