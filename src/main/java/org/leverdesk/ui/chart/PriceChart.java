package org.leverdesk.ui.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.leverdesk.ui.common.Formats;

/**
 * The price of a traded symbol stacked over its volume and an optional indicator: candlesticks
 * (a close line when zoomed out, see {@link CandleLayer}) with overlay lines and trade markers,
 * a volume pane, and an indicator pane with its reference levels that hides itself when there is none.
 * The volume and indicator panes follow the price pane's date range.
 */
public final class PriceChart extends VBox {
    private final TimeSeriesChart price = new TimeSeriesChart("Price", Formats::price);
    private final TimeSeriesChart volume = new TimeSeriesChart("Volume", PriceChart::compact);
    private final TimeSeriesChart indicator = new TimeSeriesChart("Indicator", v -> String.format(java.util.Locale.ROOT, "%.0f", v));
    private final CandleLayer candles;
    private final MarkerLayer markers;
    private PriceChartData data = PriceChartData.empty();

    public PriceChart() {
        getStyleClass().add("price-chart");
        setSpacing(2);
        price.setId("priceChart");
        volume.setId("volumeChart");
        indicator.setId("indicatorChart");
        candles = new CandleLayer(price.chart().getPlotBackground(), price.xAxis(), price.yAxis());
        markers = new MarkerLayer(price.chart(), price.xAxis(), price.yAxis());
        // Over candles the close line is faint (it repeats each candle's close); alone it is the picture.
        candles.setOnDrawn(n -> price.setLineIntensity(0, n > 0 ? 25 : 100));
        // the close line must meet every candle's close when zoomed in; 4,000 points cost little unreduced
        price.drawEveryPoint();
        volume.setAreaFill(true);
        volume.setLegendVisible(false);
        // the headings name the lines; legends would take a fifth of each pane
        price.setLegendVisible(false);
        // the heading names the indicator and its levels; a legend would take a fifth of the pane
        indicator.setLegendVisible(false);
        volume.followXRange(price);
        indicator.followXRange(price);
        price.setPrefHeight(260);
        volume.setPrefHeight(90);
        indicator.setPrefHeight(110);
        price.setMinHeight(160);
        volume.setMinHeight(70);
        indicator.setMinHeight(80);
        VBox.setVgrow(price, Priority.ALWAYS);
        VBox.setVgrow(volume, Priority.SOMETIMES);
        VBox.setVgrow(indicator, Priority.SOMETIMES);
        getChildren().setAll(price, volume, indicator);
        showIndicator(false);
        // Zooming in time (here or in a chart sharing the range) refits the price axis to the bars in view.
        price.xAxis().minProperty().addListener((o, a, b) -> fitPrices());
        price.xAxis().maxProperty().addListener((o, a, b) -> fitPrices());
    }

    /** Sets the price axis to the lowest low and highest high of the bars in view, 4% padded; auto when all are in view. */
    private void fitPrices() {
        OhlcBars bars = data.bars();
        double min = price.xAxis().getMin();
        double max = price.xAxis().getMax();
        if (bars.size() == 0 || !(max > min)) {
            return;
        }
        int first = CandleLayer.lowerBound(bars.x(), min);
        int end = CandleLayer.lowerBound(bars.x(), Math.nextUp(max));
        if (end - first <= 1 || end - first == bars.size()) {
            price.yAxis().setAutoRanging(true);
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = first; i < end; i++) {
            lo = Math.min(lo, bars.low()[i]);
            hi = Math.max(hi, bars.high()[i]);
        }
        double pad = (hi - lo) * 0.04;
        price.yAxis().setAutoRanging(false);
        price.yAxis().set(lo - pad, hi + pad);
    }

    /** Keeps every pane's date range equal to {@code other}'s; zooming or panning the price pane moves {@code other} too. */
    public void shareXRange(TimeSeriesChart other) {
        price.shareXRange(other);
    }

    /** Shows {@code newData}; {@link PriceChartData#empty()} clears all panes. */
    public void setData(PriceChartData newData) {
        data = newData;
        OhlcBars bars = newData.bars();
        List<ChartSeries> lines = new ArrayList<>();
        if (bars.size() > 0) {
            lines.add(new ChartSeries(bars.symbol() + " close", bars.x(), bars.close()));
        }
        lines.addAll(newData.overlays());
        StringBuilder title = new StringBuilder(bars.symbol().isEmpty() ? "Price" : bars.symbol());
        newData.overlays().forEach(o -> title.append(" · ").append(o.name()));
        if (!newData.markers().isEmpty()) {
            title.append(" · ▲ buy ▼ sell");
        }
        price.setTitle(title.toString());
        price.setSeries(lines);
        volume.setSeries(bars.size() == 0 ? List.of() : List.of(new ChartSeries("Volume", bars.x(), bars.volume())));
        candles.setBars(bars);
        markers.set(bars, newData.markers());
        ChartSeries ind = newData.indicator();
        if (ind == null) {
            indicator.setSeries(List.of());
            showIndicator(false);
            return;
        }
        List<ChartSeries> indLines = new ArrayList<>();
        indLines.add(ind);
        if (ind.size() > 0) {
            double[] span = {ind.x()[0], ind.x()[ind.size() - 1]};
            for (double level : newData.levels()) {
                indLines.add(new ChartSeries(String.format(java.util.Locale.ROOT, "%.0f", level), span, new double[] {level, level}));
            }
        }
        StringBuilder levels = new StringBuilder(ind.name());
        for (int i = 0; i < newData.levels().length; i++) {
            levels.append(i == 0 ? " · levels " : " / ").append(String.format(java.util.Locale.ROOT, "%.0f", newData.levels()[i]));
        }
        indicator.setTitle(levels.toString());
        indicator.setSeries(indLines);
        showIndicator(true);
    }

    /** Shows the days from {@code from} to {@code to} in every pane and in the charts sharing the range. */
    public void zoomTo(java.time.LocalDate from, java.time.LocalDate to) {
        price.xAxis().setAutoRanging(false);
        price.xAxis().set(ChartSeries.epochSeconds(from), ChartSeries.epochSeconds(to));
    }

    /** What is shown, as last passed to {@link #setData}. */
    public PriceChartData data() {
        return data;
    }

    /** True when the indicator pane is shown. */
    public boolean indicatorShown() {
        return indicator.isVisible();
    }

    /** Candles painted by the last redraw (0 when zoomed out past the close-line threshold). */
    int candlesDrawn() {
        return candles.lastDrawn();
    }

    MarkerLayer markerLayer() {
        return markers;
    }

    TimeSeriesChart pricePane() {
        return price;
    }

    private void showIndicator(boolean show) {
        indicator.setVisible(show);
        indicator.setManaged(show);
    }

    private static String compact(double v) {
        double a = Math.abs(v);
        return a >= 1e9 ? String.format(java.util.Locale.ROOT, "%.1fB", v / 1e9)
                : a >= 1e6 ? String.format(java.util.Locale.ROOT, "%.0fM", v / 1e6)
                : a >= 1e3 ? String.format(java.util.Locale.ROOT, "%.0fK", v / 1e3)
                : String.format(java.util.Locale.ROOT, "%.0f", v);
    }
}
