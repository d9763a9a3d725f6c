package org.leverdesk.ui.symbolchart;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.SavedRuns;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.ui.chart.ChartSeries;
import org.leverdesk.ui.chart.OhlcBars;
import org.leverdesk.ui.chart.PriceChartData;
import org.leverdesk.ui.chart.TradeMarker;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.TaskExecutor;
import org.leverdesk.ui.common.form.FormModel;
import org.leverdesk.ui.symbols.SymbolDirectory;

/**
 * The Chart view's state: the charted symbol (any symbol of the price source), its daily bars as
 * candles and volume, the indicators chosen with their parameters (a {@link FormModel}), and the
 * trades a chosen saved backtest run made on it. Bars and runs load through the {@link TaskExecutor}.
 */
public final class SymbolChartViewModel {
    /** Symbol shown when the view opens, when the source has it. */
    static final String FIRST = "QQQ";
    private static final double[] RSI_LEVELS = {30, 70};

    private final MarketData prices;
    private final SymbolDirectory symbols;
    private final SavedRuns savedRuns;
    private final TaskExecutor executor;
    private final Clock clock;
    private final FormModel indicators = new FormModel(IndicatorSettings.specs(), null);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObservableList<String> suggestions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper symbol = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PriceChartData> data = new ReadOnlyObjectWrapper<>(PriceChartData.empty());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<SavedRuns.SavedRun> runs = FXCollections.observableArrayList();
    private final ObjectProperty<SavedRuns.SavedRun> run = new SimpleObjectProperty<>(this, "run");
    private final ReadOnlyStringWrapper runNote = new ReadOnlyStringWrapper("");
    private BarSeries bars;
    private List<Fill> fills = List.of();
    private long loads;

    /** @param savedRuns null when there is no store (no trades to show) */
    public SymbolChartViewModel(MarketData prices, SymbolDirectory symbols, SavedRuns savedRuns, TaskExecutor executor, Clock clock) {
        this.prices = prices;
        this.symbols = symbols;
        this.savedRuns = savedRuns;
        this.executor = executor;
        this.clock = clock;
        search.addListener((obs, old, now) -> suggestions.setAll(symbols.search(now, 12)));
        indicators.fields().forEach(f -> f.valueProperty().addListener(obs -> redraw()));
        run.addListener((obs, old, now) -> loadRun(now));
    }

    // ---- State --------------------------------------------------------------------------------

    /** The search box's text. */
    public StringProperty searchProperty() {
        return search;
    }

    /** Known symbols matching the search text. */
    public ObservableList<String> suggestions() {
        return suggestions;
    }

    /** The charted symbol ("" before the first). */
    public ReadOnlyStringProperty symbolProperty() {
        return symbol.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PriceChartData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    /** "QQQ · last close $492.30 on 2026-03-03 · +1.2% on the day · 6,795 bars from 1999-03-10". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The indicators and their parameters. */
    public FormModel indicators() {
        return indicators;
    }

    /** Saved backtest runs, newest first, whose trades can be drawn. */
    public ObservableList<SavedRuns.SavedRun> runs() {
        return runs;
    }

    /** The run whose trades on the symbol are drawn; null for none. */
    public ObjectProperty<SavedRuns.SavedRun> runProperty() {
        return run;
    }

    /** How many of the run's trades are on this symbol, or why none are drawn. */
    public ReadOnlyStringProperty runNoteProperty() {
        return runNote.getReadOnlyProperty();
    }

    /** "#12 rsi2 TQQQ 2015-01-02 … 2024-12-31" for the run picker. */
    public static String describe(SavedRuns.SavedRun r) {
        return r == null ? "No run" : "#" + r.id() + " " + r.strategyId() + " " + r.symbol() + " " + Formats.date(r.from()) + " … "
                + Formats.date(r.to());
    }

    // ---- Commands -----------------------------------------------------------------------------

    /** Charts the symbol in the search box (or the first suggestion). */
    public void showSearched() {
        String typed = search.get() == null ? "" : search.get().trim().toUpperCase(Locale.ROOT);
        if (typed.isEmpty()) {
            return;
        }
        List<String> found = symbols.search(typed, 1);
        show(found.isEmpty() || symbols.hasPrices(typed) ? typed : found.get(0));
    }

    /** Opens on {@value #FIRST} (or the first known symbol) and lists the saved runs. */
    public void start() {
        refreshRuns();
        if (!symbol.get().isEmpty()) {
            return;
        }
        List<String> known = symbols.known();
        show(known.contains(FIRST) || known.isEmpty() ? FIRST : known.get(0));
    }

    /** Loads and charts {@code s}. */
    public void show(String s) {
        String sym = s.trim().toUpperCase(Locale.ROOT);
        long ticket = ++loads;
        error.set("");
        executor.execute(() -> prices.barsUpTo(sym, LocalDate.now(clock)), loaded -> {
            if (ticket != loads) {
                return;
            }
            bars = loaded;
            symbol.set(sym);
            search.set(sym);
            loadRun(run.get());
            redraw();
        }, failure -> {
            if (ticket != loads) {
                return;
            }
            error.set("No prices of " + sym + " in " + prices.sourceLabel() + ": " + FormModel.oneLine(failure.getMessage())
                    + "; import them in the Data view");
        });
    }

    /** Lists the saved runs again. */
    public void refreshRuns() {
        if (savedRuns == null) {
            return;
        }
        executor.execute(savedRuns::list, list -> runs.setAll(list), failure -> runNote.set("Saved runs could not be read: "
                + FormModel.oneLine(failure.getMessage())));
    }

    // ---- Internals ----------------------------------------------------------------------------

    private void loadRun(SavedRuns.SavedRun r) {
        if (r == null || savedRuns == null) {
            fills = List.of();
            runNote.set("");
            redraw();
            return;
        }
        String sym = symbol.get();
        executor.execute(() -> savedRuns.load(r.id()).map(BacktestResult::fills).orElse(List.of()), all -> {
            fills = all.stream().filter(f -> f.symbol().equals(sym)).toList();
            runNote.set(fills.isEmpty() ? "Run #" + r.id() + " made no trades on " + sym
                    : Formats.count(fills.size()) + " trades of run #" + r.id() + " on " + sym);
            redraw();
        }, failure -> runNote.set("Run #" + r.id() + " could not be read: " + FormModel.oneLine(failure.getMessage())));
    }

    private void redraw() {
        if (bars == null || bars.isEmpty() || !indicators.validProperty().get()) {
            if (bars != null && bars.isEmpty()) {
                data.set(PriceChartData.empty());
                summary.set(symbol.get() + " · no bars");
            }
            return;
        }
        int n = bars.size();
        double[] x = new double[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = ChartSeries.epochSeconds(bars.date(i));
            open[i] = bars.open(i);
            high[i] = bars.high(i);
            low[i] = bars.low(i);
            close[i] = bars.close(i);
            volume[i] = bars.volume(i);
        }
        ChartIndicators calc = new ChartIndicators(open, high, low, close, volume);
        Map<String, String> p = indicators.values();
        List<ChartSeries> overlays = new ArrayList<>();
        if (on(p, "smaFast")) {
            overlays.add(new ChartSeries("SMA " + p.get("smaFastPeriod"), x, calc.sma(whole(p, "smaFastPeriod"))));
        }
        if (on(p, "smaSlow")) {
            overlays.add(new ChartSeries("SMA " + p.get("smaSlowPeriod"), x, calc.sma(whole(p, "smaSlowPeriod"))));
        }
        if (on(p, "ema")) {
            overlays.add(new ChartSeries("EMA " + p.get("emaPeriod"), x, calc.ema(whole(p, "emaPeriod"))));
        }
        if (on(p, "bollinger")) {
            double[][] bands = calc.bollinger(whole(p, "bollingerPeriod"), Double.parseDouble(p.get("bollingerWidth")));
            String name = "Bollinger (" + p.get("bollingerPeriod") + ", " + p.get("bollingerWidth") + "σ)";
            overlays.add(new ChartSeries(name + " upper", x, bands[0]));
            overlays.add(new ChartSeries(name + " lower", x, bands[1]));
        }
        ChartSeries pane = null;
        double[] levels = null;
        switch (p.get("pane")) {
            case IndicatorSettings.PANE_RSI -> {
                pane = new ChartSeries("RSI(" + p.get("rsiPeriod") + ")", x, calc.rsi(whole(p, "rsiPeriod")));
                levels = RSI_LEVELS;
            }
            case IndicatorSettings.PANE_ATR -> pane = new ChartSeries("ATR(" + p.get("atrPeriod") + ") $", x, calc.atr(whole(p, "atrPeriod")));
            default -> {
                // no lower pane
            }
        }
        data.set(new PriceChartData(new OhlcBars(symbol.get(), x, open, high, low, close, volume), overlays, pane, levels, markers()));
        summary.set(summaryText());
    }

    private List<TradeMarker> markers() {
        List<TradeMarker> out = new ArrayList<>();
        for (Fill f : fills) {
            String text = Formats.date(f.date()) + "  " + f.side().name() + " " + f.symbol() + "\n" + Formats.count(f.quantity())
                    + " @ " + Formats.money(f.price()) + (f.reason() == null || f.reason().isBlank() ? "" : "\n" + f.reason());
            out.add(new TradeMarker(ChartSeries.epochSeconds(f.date()), f.side() == Side.BUY, false, text));
        }
        return out;
    }

    private String summaryText() {
        int last = bars.size() - 1;
        String change = "";
        if (last > 0 && bars.close(last - 1) > 0) {
            double pct = bars.close(last) / bars.close(last - 1) - 1;
            change = " · " + (pct >= 0 ? "+" : "") + Formats.percent(pct) + " on the day";
        }
        return symbol.get() + " · last close " + Formats.money(bars.close(last)) + " on " + Formats.date(bars.date(last)) + change
                + " · " + Formats.count(bars.size()) + " bars from " + Formats.date(bars.firstDate())
                + (prices.isSimulated() ? " · DEMO — simulated prices" : "");
    }

    private static boolean on(Map<String, String> p, String name) {
        return Boolean.parseBoolean(p.get(name));
    }

    private static int whole(Map<String, String> p, String name) {
        return Integer.parseInt(p.get(name));
    }
}
