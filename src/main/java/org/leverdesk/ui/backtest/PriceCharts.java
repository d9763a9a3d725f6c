package org.leverdesk.ui.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.RoundTrip;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;
import org.leverdesk.ui.chart.ChartSeries;
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

    /** The chart of {@code result}'s traded symbol from {@code bars} (which may start before the run). */
    static PriceChartData of(BacktestResult result, BarSeries bars) {
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
        ChartSeries indicator = null;
        double[] levels = null;
        switch (result.strategyId()) {
            case "rsi2" -> {
                overlays.add(new ChartSeries("SMA 20", x, slice(Indicators.sma(all, 20), first, n)));
                overlays.add(new ChartSeries("Lower Bollinger (20, 2σ)", x, slice(Indicators.lowerBollinger(all, 20, 2), first, n)));
                indicator = new ChartSeries("RSI(2)", x, slice(Indicators.rsi(all, 2), first, n));
                levels = RSI_LEVELS;
            }
            case "regime" -> {
                overlays.add(new ChartSeries("SMA 50", x, slice(Indicators.sma(all, 50), first, n)));
                overlays.add(new ChartSeries("SMA 250", x, slice(Indicators.sma(all, 250), first, n)));
            }
            default -> {
                // no overlays: the strategy uses no indicator of the traded symbol
            }
        }
        return new PriceChartData(ohlc, overlays, indicator, levels, markers(result));
    }

    /** One marker per fill; a sell closing round trips shows their summed P&L; other symbols are hedges. */
    static List<TradeMarker> markers(BacktestResult result) {
        Map<String, Double> profitByExit = new HashMap<>();
        for (RoundTrip r : result.roundTrips()) {
            profitByExit.merge(r.symbol() + "|" + r.exitDate(), r.profit(), Double::sum);
        }
        List<TradeMarker> markers = new ArrayList<>(result.fills().size());
        for (Fill f : result.fills()) {
            boolean buy = f.side() == Side.BUY;
            Double pnl = buy ? null : profitByExit.get(f.symbol() + "|" + f.date());
            String text = Formats.date(f.date()) + "  " + f.side().name() + " " + f.symbol()
                    + "\n" + Formats.count(f.quantity()) + " @ " + Formats.price(f.price())
                    + (pnl == null ? "" : "\nRound trip P&L " + Formats.money(pnl))
                    + (f.reason() == null || f.reason().isBlank() ? "" : "\n" + f.reason());
            markers.add(new TradeMarker(ChartSeries.epochSeconds(f.date()), buy, !f.symbol().equals(result.symbol()), text));
        }
        return markers;
    }

    private static double[] slice(double[] values, int first, int n) {
        return java.util.Arrays.copyOfRange(values, first, first + n);
    }
}
