package org.leverdesk.ui.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import org.leverdesk.backtest.OptionResults;
import org.leverdesk.options.contract.OptionSymbols;
import java.util.List;
import java.util.Map;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.RoundTrip;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;
import org.leverdesk.ui.chart.ChartSeries;
import org.leverdesk.ui.chart.IndicatorPane;
import org.leverdesk.ui.chart.OhlcBars;
import org.leverdesk.ui.chart.PriceChartData;
import org.leverdesk.ui.chart.TradeMarker;
import org.leverdesk.ui.common.Formats;

/**
 * Turns a run's bars and fills into {@link PriceChartData}: the bars of the run's dates, the
 * strategy's overlays and indicator (computed on all loaded bars, so bars loaded before the run's
 * start warm them up), and one marker per fill with its round-trip P&L when it closes one.
 */
final class PriceCharts {
    /** Calendar days loaded before a run's start so a 250-day average is ready on its first day. */
    static final int WARM_UP_DAYS = 400;
    static final double[] RSI_LEVELS = {30, 75, 90, 60};

    private PriceCharts() {
    }

    /**
     * The symbol whose moving averages drive {@code strategyId} when it is not the traded one: the
     * regime strategy's {@code signalSymbol} (as run, else its default); null for the others.
     */
    static String signalSymbol(String strategyId, Map<String, String> parameters, Map<String, String> defaults) {
        if (!"regime".equals(strategyId)) {
            return null;
        }
        String s = parameters == null ? null : parameters.get("signalSymbol");
        if (s == null || s.isBlank()) {
            s = defaults.getOrDefault("signalSymbol", "QQQ");
        }
        return s.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** The chart of {@code result}'s traded symbol from {@code bars} (which may start before the run). */
    static PriceChartData of(BacktestResult result, BarSeries bars) {
        return of(result, bars, null);
    }

    /**
     * The chart of {@code result}'s traded symbol from {@code bars} (which may start before the run);
     * {@code signal} (may be null) holds the bars of the symbol the strategy reads its regime from.
     */
    static PriceChartData of(BacktestResult result, BarSeries bars, BarSeries signal) {
        LocalDate from = result.config().from();
        LocalDate to = result.config().to();
        int first = 0;
        while (first < bars.size() && bars.date(first).isBefore(from)) {
            first++;
        }
        int end = bars.size();
        while (end > first && bars.date(end - 1).isAfter(to)) {
            end--;
        }
        int n = end - first;
        double[] all = new double[bars.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = bars.close(i);
        }
        double[] x = new double[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        for (int k = 0; k < n; k++) {
            int i = first + k;
            x[k] = ChartSeries.epochSeconds(bars.date(i));
            open[k] = bars.open(i);
            high[k] = bars.high(i);
            low[k] = bars.low(i);
            close[k] = bars.close(i);
            volume[k] = bars.volume(i);
        }
        OhlcBars ohlc = new OhlcBars(result.symbol(), x, open, high, low, close, volume);

        List<ChartSeries> overlays = new ArrayList<>();
        IndicatorPane pane = null;
        switch (result.strategyId()) {
            case "rsi2" -> {
                overlays.add(new ChartSeries("SMA 20", x, slice(Indicators.sma(all, 20), first, n)));
                overlays.add(new ChartSeries("Lower Bollinger (20, 2σ)", x, slice(Indicators.lowerBollinger(all, 20, 2), first, n)));
                pane = IndicatorPane.oscillator(new ChartSeries("RSI(2)", x, slice(Indicators.rsi(all, 2), first, n)), RSI_LEVELS);
            }
            case "regime" -> pane = signalPane(signal, from, to);
            default -> {
                // no overlays: the strategy uses no indicator of the traded symbol
            }
        }
        return new PriceChartData(ohlc, overlays, pane, markers(result));
    }

    /**
     * The regime strategy's own picture: its signal symbol's close with the SMA-50 and SMA-250 it
     * compares (averages of that symbol, not of the traded one, so they get their own pane and a
     * title naming it); null without the signal's bars.
     */
    static IndicatorPane signalPane(BarSeries signal, LocalDate from, LocalDate to) {
        if (signal == null || signal.size() == 0) {
            return null;
        }
        double[] close = new double[signal.size()];
        for (int i = 0; i < close.length; i++) {
            close[i] = signal.close(i);
        }
        double[] sma50 = Indicators.sma(close, 50);
        double[] sma250 = Indicators.sma(close, 250);
        int first = 0;
        while (first < signal.size() && signal.date(first).isBefore(from)) {
            first++;
        }
        int end = signal.size();
        while (end > first && signal.date(end - 1).isAfter(to)) {
            end--;
        }
        int n = end - first;
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = ChartSeries.epochSeconds(signal.date(first + k));
        }
        String s = signal.symbol();
        return IndicatorPane.lines(s + " (regime signal)", List.of(
                new ChartSeries(s + " close", x, slice(close, first, n), javafx.scene.paint.Color.web("#2563eb")),
                new ChartSeries(s + " SMA 50", x, slice(sma50, first, n), javafx.scene.paint.Color.web("#e07b00")),
                new ChartSeries(s + " SMA 250", x, slice(sma250, first, n), javafx.scene.paint.Color.web("#7b3fb5"))));
    }

    /**
     * One marker per fill; a sell closing round trips shows their summed P&L; other symbols are hedges. A run that
     * traded options shows its option events instead of their fills (see {@link #optionMarkers}).
     */
    static List<TradeMarker> markers(BacktestResult result) {
        Map<String, Double> profitByExit = new HashMap<>();
        for (RoundTrip r : result.roundTrips()) {
            profitByExit.merge(r.symbol() + "|" + r.exitDate(), r.profit(), Double::sum);
        }
        OptionResults options = OptionResults.of(result);
        Set<String> settled = new HashSet<>();
        for (OptionResults.Event e : options.events()) {
            if (e.kind() == OptionResults.Kind.PUT_ASSIGNED || e.kind() == OptionResults.Kind.CALLED_AWAY
                    || e.kind() == OptionResults.Kind.EXERCISED) {
                settled.add(e.date() + "|" + e.legs().get(0).reason());
            }
        }
        List<TradeMarker> markers = new ArrayList<>(result.fills().size());
        markers.addAll(optionMarkers(options));
        for (Fill f : result.fills()) {
            if (OptionSymbols.isOption(f.symbol()) || settled.contains(f.date() + "|" + f.reason())) {
                continue; // drawn as its option event (the shares of an assignment with it)
            }
            boolean buy = f.side() == Side.BUY;
            Double pnl = buy ? null : profitByExit.get(f.symbol() + "|" + f.date());
            String text = Formats.date(f.date()) + "  " + f.side().name() + " " + f.symbol()
                    + "\n" + Formats.count(f.quantity()) + " @ " + Formats.price(f.price())
                    + (pnl == null ? "" : "\nRound trip P&L " + Formats.money(pnl))
                    + (f.reason() == null || f.reason().isBlank() ? "" : "\n" + f.reason());
            markers.add(new TradeMarker(ChartSeries.epochSeconds(f.date()), buy, !f.symbol().equals(result.symbol()), text,
                    f.symbol()));
        }
        markers.sort(java.util.Comparator.comparingDouble(TradeMarker::x)); // option events and share fills in date order
        return markers;
    }

    /**
     * The wheel's cycle and the spreads on the chart: one marker per put sold, put assigned (100 shares a contract
     * bought at the strike), call sold, call-away, spread opened and spread closed (a close of the short leg alone
     * counts as one). Expiries are left off the chart; they are counted in the results.
     */
    static List<TradeMarker> optionMarkers(OptionResults options) {
        List<TradeMarker> out = new ArrayList<>();
        for (OptionResults.Event e : options.events()) {
            TradeMarker.Kind kind = switch (e.kind()) {
                case PUT_SOLD -> TradeMarker.Kind.PUT_SOLD;
                case CALL_SOLD -> TradeMarker.Kind.CALL_SOLD;
                case PUT_ASSIGNED -> TradeMarker.Kind.PUT_ASSIGNED;
                case CALLED_AWAY -> TradeMarker.Kind.CALLED_AWAY;
                case SPREAD_OPENED -> TradeMarker.Kind.SPREAD_OPENED;
                case SPREAD_CLOSED -> TradeMarker.Kind.SPREAD_CLOSED;
                case BOUGHT_BACK -> e.exit() != null ? TradeMarker.Kind.SPREAD_CLOSED : null;
                default -> null;
            };
            if (kind == null) {
                continue;
            }
            StringBuilder text = new StringBuilder(Formats.date(e.date())).append("  ").append(kind.label());
            for (Fill f : e.legs()) {
                text.append("\n").append(f.side().name()).append(' ').append(Formats.count(f.quantity())).append(' ')
                        .append(f.symbol().replaceAll("\\s+", " ")).append(" @ ").append(Formats.price(f.price()));
            }
            text.append("\n").append(e.cash() >= 0 ? "Credit " : "Debit ").append(Formats.money(Math.abs(e.cash())));
            if (e.exit() != null) {
                text.append(" (exit: ").append(e.exit()).append(')');
            }
            String why = e.legs().get(0).reason();
            if (why != null && !why.isBlank()) {
                text.append("\n").append(why);
            }
            String underlying = OptionSymbols.contract(e.legs().get(0).symbol()).map(c -> c.underlying()).orElse("");
            out.add(TradeMarker.option(ChartSeries.epochSeconds(e.date()), kind, text.toString(), underlying + " options"));
        }
        return out;
    }

    private static double[] slice(double[] values, int first, int n) {
        return java.util.Arrays.copyOfRange(values, first, first + n);
    }
}
