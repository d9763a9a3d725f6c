package org.leverdesk.ui.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;
import org.leverdesk.ui.common.Formats;

/**
 * The price of a symbol stacked over its volume and an optional indicator pane: candlesticks (a
 * close line when zoomed out, see {@link CandleLayer}) with overlay lines and trade markers, a volume
 * pane, and an indicator pane with its reference levels that hides itself when there is none. It is a
 * {@link ChartStack}, so more panes (equity, drawdown) can be added under it with {@link #add}; all
 * pan, zoom and cross-hair together, and the price axis fits the bars in view.
 */
public final class PriceChart extends ChartStack {
    private final TimeSeriesChart price = new TimeSeriesChart("Price", ChartFormats::price);
    private final TimeSeriesChart volume = new TimeSeriesChart("", PriceChart::compact);
    private final TimeSeriesChart indicator = new TimeSeriesChart("Indicator", v -> String.format(Locale.ROOT, "%.0f", v));
    private final CandleLayer candles;
    private final MarkerLayer markers;
    private PriceChartData data = PriceChartData.empty();
    private boolean grouped;

    public PriceChart() {
        getStyleClass().add("price-chart");
        price.setId("priceChart");
        volume.setId("volumeChart");
        indicator.setId("indicatorChart");
        candles = new CandleLayer(price.chart().getPlotBackground(), price.xAxis(), price.yAxis());
        markers = new MarkerLayer(price.chart(), price.xAxis(), price.yAxis());
        // Over candles the close line is faint (it repeats each candle's close); alone it is the picture.
        candles.setOnDrawn(n -> price.setLineIntensity(0, n > 0 ? 25 : 100));
        markers.setOnGrouping(g -> {
            if (g != grouped) {
                grouped = g;
                price.setLegendExtras(markerKeys());
            }
        });
        // the close line must meet every candle's close when zoomed in; 4,000 points cost little unreduced
        price.drawEveryPoint();
        price.setLogScaleAllowed(true);
        price.addFitSource(this::extendByBars);
        price.setHeadReadout(this::barText);
        price.hideFromLegend(0); // the close line: the head readout gives open, high, low and close
        volume.setAreaFill(true);
        volume.setValueRangeIncludesZero(true);
        add(price, 3, 120);
        add(volume, 0.7, 44);
        add(indicator, 1.1, 64);
        setPaneShown(indicator, false);
    }

    /** Widens the price range to the lows and highs of the bars in view (the candles and markers). */
    private void extendByBars(double from, double to, boolean positiveOnly, double[] loHi) {
        OhlcBars bars = data.bars();
        int first = CandleLayer.lowerBound(bars.x(), from);
        int end = CandleLayer.lowerBound(bars.x(), Math.nextUp(to));
        for (int i = first; i < end; i++) {
            double lo = bars.low()[i];
            if (!positiveOnly || lo > 0) {
                loHi[0] = Math.min(loHi[0], lo);
            }
            loHi[1] = Math.max(loHi[1], bars.high()[i]);
        }
    }

    /** "O 1.00 H 1.20 L 0.90 C 1.10" of the bar at x; null when there is none that day. */
    private String barText(double x) {
        OhlcBars b = data.bars();
        int i = CandleLayer.lowerBound(b.x(), x);
        if (i >= b.size() || b.x()[i] != x) {
            return null;
        }
        return "O " + ChartFormats.price(b.open()[i]) + "  H " + ChartFormats.price(b.high()[i]) + "  L " + ChartFormats.price(b.low()[i])
                + "  C " + ChartFormats.price(b.close()[i]);
    }

    /** Puts the price, volume and indicator panes into {@code other}'s group (other panes then pan and zoom with them). */
    public void shareXRange(TimeSeriesChart other) {
        price.shareXRange(other);
    }

    /** Shows {@code newData}; {@link PriceChartData#empty()} clears all panes. */
    public void setData(PriceChartData newData) {
        data = newData;
        OhlcBars bars = newData.bars();
        List<ChartSeries> lines = new ArrayList<>();
        if (bars.size() > 0) {
            lines.add(new ChartSeries(bars.symbol() + " close", bars.x(), bars.close(), Color.web("#2563eb")));
        }
        for (int i = 0; i < newData.overlays().size(); i++) {
            ChartSeries o = newData.overlays().get(i);
            lines.add(o.color() != null ? o : o.withColor(TimeSeriesChart.PALETTE.get(2 + i % (TimeSeriesChart.PALETTE.size() - 2))));
        }
        price.setTitle(bars.symbol().isEmpty() ? "Price" : bars.symbol());
        candles.setBars(bars);
        markers.set(bars, newData.markers());
        grouped = false;
        price.setLegendExtras(markerKeys());
        price.setSeries(lines);
        volume.setSeries(bars.size() == 0 ? List.of()
                : List.of(new ChartSeries("Volume", bars.x(), bars.volume(), Color.web("#8b95a5"))));
        IndicatorPane pane = newData.pane();
        if (pane == null) {
            indicator.setSeries(List.of());
            indicator.setLevels();
            setPaneShown(indicator, false);
            return;
        }
        indicator.setTitle(pane.title());
        indicator.setFixedValueRange(pane.min(), pane.max());
        indicator.setValueFormat(pane.fixedRange() ? v -> String.format(Locale.ROOT, "%.0f", v) : ChartFormats::price);
        // an oscillator over decades is a solid band unless averaged; moving averages are lines already
        indicator.setSmoothWhenDense(pane.fixedRange());
        indicator.setSeries(pane.lines());
        indicator.setLevels(pane.levels());
        Label levels = new Label(pane.levelsText());
        levels.getStyleClass().addAll("pane-legend-item", "muted");
        indicator.setLegendExtras(pane.levelsText().isEmpty() ? List.of() : List.of(levels));
        setPaneShown(indicator, true);
    }

    /** One legend key per kind of marker in the data, and one for grouped triangles while any is drawn. */
    private List<Node> markerKeys() {
        Set<TradeMarker.Kind> kinds = EnumSet.noneOf(TradeMarker.Kind.class);
        String hedgeSymbol = "";
        for (TradeMarker m : data.markers()) {
            kinds.add(m.kind());
            if (m.hedge() && m.event() == null && hedgeSymbol.isEmpty()) {
                hedgeSymbol = m.symbol();
            }
        }
        List<Node> keys = new ArrayList<>();
        for (TradeMarker.Kind k : kinds) {
            String text = k.label() + (k == TradeMarker.Kind.HEDGE_BUY || k == TradeMarker.Kind.HEDGE_SELL
                    ? (hedgeSymbol.isEmpty() ? "" : " " + hedgeSymbol) : "");
            keys.add(key(k, text));
        }
        if (grouped) {
            Label g = new Label("n = trades grouped at this zoom");
            g.getStyleClass().add("pane-legend-item");
            g.setId("groupedMarkersKey");
            keys.add(g);
        }
        return keys;
    }

    private static Label key(TradeMarker.Kind kind, String text) {
        Polygon shape = kind.up() ? new Polygon(5, 0, 0, 8, 10, 8) : new Polygon(0, 0, 10, 0, 5, 8);
        shape.setFill(Color.web(kind.color()));
        Label l = new Label(text, shape);
        l.getStyleClass().add("pane-legend-item");
        l.setId("markerKey-" + kind.name()); // for lookups in tests
        return l;
    }

    /** Shows the days from {@code from} to {@code to} in every pane and in the charts sharing the range. */
    public void zoomTo(LocalDate from, LocalDate to) {
        price.zoomTo(from, to);
    }

    /** What is shown, as last passed to {@link #setData}. */
    public PriceChartData data() {
        return data;
    }

    /** True when the indicator pane is shown. */
    public boolean indicatorShown() {
        return indicator.isVisible();
    }

    /** The price pane (candles, overlays, markers), for readouts and the log switch. */
    public TimeSeriesChart pricePane() {
        return price;
    }

    /** The volume pane. */
    public TimeSeriesChart volumePane() {
        return volume;
    }

    /** The indicator pane (hidden when the data has none). */
    public TimeSeriesChart indicatorPane() {
        return indicator;
    }

    /** Candles painted by the last redraw (0 when zoomed out past the close-line threshold). */
    int candlesDrawn() {
        return candles.lastDrawn();
    }

    MarkerLayer markerLayer() {
        return markers;
    }

    private static String compact(double v) {
        double a = Math.abs(v);
        return a >= 1e9 ? trim(v / 1e9) + "B" : a >= 1e6 ? trim(v / 1e6) + "M" : a >= 1e3 ? trim(v / 1e3) + "K" : trim(v);
    }

    /** One decimal only where it says something: 2.5 → "2.5", 40 → "40". */
    private static String trim(double v) {
        return Math.abs(v) >= 10 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
