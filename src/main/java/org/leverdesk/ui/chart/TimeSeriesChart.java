package org.leverdesk.ui.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;

/**
 * One chart pane of daily time series on a date axis, built on ChartFX so decades of daily bars stay
 * smooth. Left-drag pans, the wheel zooms time around the pointer (a horizontal wheel or trackpad
 * swipe pans), a double click shows everything; the value axis always fits what is in view. A
 * crosshair follows the mouse and the legend in the top-left corner reads every line's value on
 * that day. Panes in one {@link ChartGroup} (see {@link #shareXRange}) pan, zoom and cross-hair
 * together. Reused by the backtest, regime, rotation and symbol charts.
 */
public final class TimeSeriesChart extends StackPane {
    /** Line colours by position when a series brings none: blue, grey, orange, green, purple, red. */
    public static final List<Color> PALETTE = List.of(Color.web("#2563eb"), Color.web("#8b95a5"), Color.web("#e07b00"),
            Color.web("#1b7f3b"), Color.web("#7b3fb5"), Color.web("#d0483e"));
    /** The wheel zooms by this factor per notch (40 scroll pixels). */
    static final double ZOOM_PER_NOTCH = 0.85;
    private static final Color LEVEL = Color.web("#8b95a5");

    private final DateAxis xAxis = new DateAxis();
    private final ValueAxis yAxis;
    private final XYChart chart;
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final PaneLegend legend = new PaneLegend();
    private final ToggleButton logToggle = new ToggleButton("Log");
    private boolean rebinPending;
    private final Button resetButton = new Button("Reset zoom");
    private final HBox tools = new HBox(4, logToggle, resetButton);
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private final BandLayer bandLayer;
    private final DayClick dayClick;
    private final CrosshairLayer crosshair;
    private final List<FitSource> fitSources = new ArrayList<>();
    private final List<DoubleDataSet> dataSets = new ArrayList<>();
    private ChartGroup group = new ChartGroup();
    private List<ChartSeries> series = List.of();
    private int[] smoothing = new int[0];
    private ChartSeries[] drawnSeries = new ChartSeries[0];
    private double[] levels = new double[0];
    private DoubleFunction<String> valueFormat;
    private DoubleFunction<String> headReadout;
    private boolean logAllowed;
    private int hiddenFromLegend = -1;
    private boolean smoothWhenDense;
    private boolean includeZero;
    /** The value axis' label limit set by the fit (NaN: none). */
    private double shownLabelMax = Double.NaN;
    private double[] fixedRange;
    private boolean timeAxisVisible = true;
    private double crosshairX = Double.NaN;
    private double dragStartX;
    private TimeRange dragStartRange;

    /** Extends a pane's fitted value range with data that is not a line (e.g. candle highs and lows). */
    @FunctionalInterface
    interface FitSource {
        void extend(double from, double to, boolean positiveOnly, double[] loHi);
    }

    /**
     * @param title       shown in the legend
     * @param valueFormat formats values on the axis, in the legend and on the crosshair
     */
    public TimeSeriesChart(String title, DoubleFunction<String> valueFormat) {
        getStyleClass().add("time-series-chart");
        this.valueFormat = valueFormat;
        yAxis = new ValueAxis(valueFormat);
        chart = new XYChart(xAxis, yAxis);
        // values on the right, as trading screens put them, so the legend has the top-left corner
        yAxis.setSide(io.fair_acc.chartfx.ui.geometry.Side.RIGHT);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        // ChartFX's tool bar slides in from the top on hover; nothing of ours lives there
        chart.getToolBar().setVisible(false);
        chart.getToolBar().setManaged(false);
        chart.setMinHeight(40);

        // Lines only: no markers and no error bars; point reduction keeps 10k+ points cheap to draw.
        renderer.setDrawMarker(false);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        renderer.setPointReduction(true);
        renderer.setAssumeSortedData(true);
        chart.getRenderers().setAll(renderer);

        dayClick = new DayClick(() -> series);
        chart.getPlugins().add(dayClick);
        bandLayer = new BandLayer(chart.getPlotBackground(), xAxis);
        crosshair = new CrosshairLayer(chart, xAxis, yAxis, valueFormat);

        legend.setTitle(title);
        logToggle.getStyleClass().addAll("small-button", "chart-tool");
        logToggle.setTooltip(new Tooltip("Logarithmic value axis: equal distances are equal percentage changes"));
        logToggle.selectedProperty().bindBidirectional(logScale);
        resetButton.getStyleClass().addAll("small-button", "chart-tool");
        resetButton.setTooltip(new Tooltip("Show all dates (or double-click the chart)"));
        resetButton.setOnAction(e -> resetZoom());
        showTool(logToggle, false);
        showTool(resetButton, false);
        tools.setPickOnBounds(false);
        tools.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        logScale.addListener((o, was, is) -> {
            yAxis.setLogAxis(is);
            fitValues();
        });

        getChildren().addAll(chart, legend, tools);
        StackPane.setAlignment(legend, Pos.TOP_LEFT);
        StackPane.setAlignment(tools, Pos.TOP_RIGHT);
        StackPane.setMargin(legend, new Insets(3, 0, 0, 6));
        yAxis.widthProperty().addListener((o, a, w) -> StackPane.setMargin(tools, new Insets(3, w.doubleValue() + 6, 0, 0)));
        widthProperty().addListener((o, a, w) -> wrapLegend());
        tools.widthProperty().addListener((o, a, w) -> wrapLegend());
        yAxis.widthProperty().addListener((o, a, w) -> wrapLegend());
        chart.getCanvas().heightProperty().addListener((o, a, h) -> fitValues());
        chart.getCanvas().widthProperty().addListener((o, a, w) -> {
            if (smoothWhenDense && group.visibleRange() != null) {
                // after ChartFX's post-layout step: ChartFX takes the data sets' (non-reentrant) locks
                // when the chart joins a scene and while laying out, and releases them after the
                // layout pass; re-binning writes them, so a write before that (in this listener, or
                // in a runLater that runs before the first pulse) would wait forever on this thread
                rebinAfterLayout();
            }
        });
        legend.heightProperty().addListener((o, a, h) -> {
            fitValues();
            if (getParent() != null) {
                getParent().requestLayout(); // a stack sizes its panes by their legends' heights
            }
        });
        installInput();
        group.add(this);
        group.visibleRangeProperty().addListener((o, a, b) -> updateResetButton());
    }

    // ---- data ------------------------------------------------------------------------------------

    /** Replaces all lines; an empty list clears the pane. */
    public void setSeries(List<ChartSeries> newSeries) {
        series = List.copyOf(newSeries);
        List<Color> colors = new ArrayList<>(series.size());
        dataSets.clear();
        List<DataSet> sets = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            ChartSeries s = series.get(i);
            Color c = colorOf(i);
            colors.add(c);
            // deep copy off: the record owns its arrays and ChartFX only reads them
            DoubleDataSet d = new DoubleDataSet(s.name(), s.x(), s.y(), s.size(), false);
            d.setStyle("-fx-line-color: " + css(c) + ";");
            dataSets.add(d);
            sets.add(d);
        }
        smoothing = new int[series.size()];
        java.util.Arrays.fill(smoothing, 1);
        drawnSeries = series.toArray(new ChartSeries[0]);
        sets.addAll(levelSets());
        legend.setLines(series, colors, hiddenFromLegend);
        logToggle.setDisable(!positive());
        if (!positive() && logScale.get()) {
            logScale.set(false);
        }
        chart.getDatasets().setAll(sets);
        crosshairX = Double.NaN;
        crosshair.hide();
        group.dataChanged();
        if (series.isEmpty() || group.visibleRange() == null) {
            refreshLegend();
        }
    }

    /** The lines shown, as last passed to {@link #setSeries(List)}. */
    public List<ChartSeries> series() {
        return series;
    }

    /** Dashed horizontal reference lines (e.g. RSI entry and exit levels); none removes them. */
    public void setLevels(double... newLevels) {
        levels = newLevels == null ? new double[0] : newLevels.clone();
        List<DataSet> sets = new ArrayList<>(dataSets);
        sets.addAll(levelSets());
        chart.getDatasets().setAll(sets);
    }

    /** Shades stretches of the date axis behind the lines (e.g. by market regime); an empty list clears them. */
    public void setBands(List<ChartBand> bands) {
        bandLayer.setBands(bands);
    }

    /** The shaded stretches, as last passed to {@link #setBands(List)}. */
    public List<ChartBand> bands() {
        return bandLayer.bands();
    }

    // ---- appearance ----------------------------------------------------------------------------

    /** The title at the start of the legend. */
    public void setTitle(String title) {
        legend.setTitle(title);
    }

    /** The title at the start of the legend. */
    public String title() {
        return legend.title();
    }

    /** How values are written on the axis, in the legend and on the crosshair. */
    public void setValueFormat(DoubleFunction<String> format) {
        valueFormat = format;
        yAxis.setValueFormat(format);
        crosshair.setFormat(format);
        refreshLegend();
    }

    /** Shows or hides the legend (and with it the readout). */
    public void setLegendVisible(boolean visible) {
        legend.setVisible(visible);
        legend.setManaged(visible);
    }

    /** Extra keys after the lines in the legend, e.g. the shapes of trade markers. */
    public void setLegendExtras(List<? extends Node> nodes) {
        legend.setExtras(nodes);
    }

    /** Adds a control (e.g. a unit switch) to the pane's tools in its top-right corner, before Log and Reset. */
    public void addTool(Node tool) {
        tools.getChildren().add(0, tool);
    }

    /** Fills the area between each line and zero, e.g. for drawdowns. */
    public void setAreaFill(boolean fill) {
        renderer.setPolyLineStyle(fill ? LineStyle.AREA : LineStyle.NORMAL);
    }

    /** Offers the Log switch (only used while every value is positive). */
    public void setLogScaleAllowed(boolean allowed) {
        logAllowed = allowed;
        showTool(logToggle, allowed);
        if (!allowed) {
            logScale.set(false);
        }
    }

    /** True when the value axis is logarithmic. */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    public boolean isLogScale() {
        return logScale.get();
    }

    /** Switches the value axis between logarithmic and linear (ignored while a value is zero or negative). */
    public void setLogScale(boolean log) {
        logScale.set(log && positive());
    }

    /** Always shows {@code min..max} on the value axis (e.g. 0..100 for RSI) instead of fitting it; NaN fits again. */
    public void setFixedValueRange(double min, double max) {
        fixedRange = Double.isNaN(min) || Double.isNaN(max) ? null : new double[] {min, max};
        shownLabelMax = fixedRange == null ? Double.NaN : max;
        yAxis.setLabelMax(shownLabelMax);
        fitValues();
    }

    /** Keeps zero in the fitted value range (volume, drawdown). */
    public void setValueRangeIncludesZero(boolean include) {
        includeZero = include;
        fitValues();
    }

    /**
     * When more than one point per three pixels is in view, draws the mean of consecutive points
     * instead (the legend says how many): an oscillator over decades then reads as a line, not a band.
     */
    public void setSmoothWhenDense(boolean smooth) {
        smoothWhenDense = smooth;
        TimeRange r = group.visibleRange();
        if (r != null) {
            showRange(r);
        }
    }

    /** Shows the date labels under this pane (a stack shows them only under its bottom pane). */
    public void setTimeAxisVisible(boolean visible) {
        timeAxisVisible = visible;
        xAxis.getTickLabelStyle().setVisible(visible);
        xAxis.setTickLength(visible ? 6 : 0);
    }

    /** True when the date labels are shown under this pane. */
    public boolean isTimeAxisVisible() {
        return timeAxisVisible;
    }

    // ---- navigation ----------------------------------------------------------------------------

    /** The group this pane pans, zooms and cross-hairs with. */
    public ChartGroup group() {
        return group;
    }

    /** Returns to the full range of the data (in every pane of the group). */
    public void resetZoom() {
        group.resetZoom();
    }

    /** Shows the days from {@code from} to {@code to} in every pane of the group. */
    public void zoomTo(LocalDate from, LocalDate to) {
        group.zoomTo(from, to);
    }

    /** Keeps this pane's date range and crosshair with {@code leader}'s (both pan and zoom each other). */
    public void followXRange(TimeSeriesChart leader) {
        shareXRange(leader);
    }

    /** Puts this pane and {@code other} (with their groups) into one {@link ChartGroup}. */
    public void shareXRange(TimeSeriesChart other) {
        other.group.absorb(group);
    }

    /** Calls {@code onDay} with the day of the nearest bar when the plot is clicked (not dragged). */
    public void setOnDayClicked(Consumer<LocalDate> onDay) {
        dayClick.setOnDay(onDay);
    }

    /** The legend as one line: title, then each line's name and value on the crosshair's day (or the last day in view). */
    public String readoutText() {
        return legend.text();
    }

    // ---- package: layers and tests ----------------------------------------------------------------

    /** Leaves line {@code index} out of the legend (e.g. the close line under candles the head readout already gives). */
    void hideFromLegend(int index) {
        hiddenFromLegend = index;
    }

    void addFitSource(FitSource source) {
        fitSources.add(source);
    }

    /** Text after the title in the legend for the day at x (e.g. a bar's open/high/low/close); null for none. */
    void setHeadReadout(DoubleFunction<String> readout) {
        headReadout = readout;
        refreshLegend();
    }

    DateAxis xAxis() {
        return xAxis;
    }

    ValueAxis yAxis() {
        return yAxis;
    }

    XYChart chart() {
        return chart;
    }

    CrosshairLayer crosshairLayer() {
        return crosshair;
    }

    /** Turns ChartFX's point reduction off, so a line passes through every point (e.g. each candle's close). */
    void drawEveryPoint() {
        renderer.setPointReduction(false);
    }

    /** Draws line {@code index} at {@code percent} opacity (100 = normal); ignored before ChartFX made its style node. */
    void setLineIntensity(int index, double percent) {
        var nodes = renderer.getDatasetNodes();
        if (index < nodes.size() && nodes.get(index).getIntensity() != percent) {
            nodes.get(index).setIntensity(percent);
        }
    }

    /** Called by the group when this pane moves into it. */
    void joined(ChartGroup newGroup) {
        group = newGroup;
        newGroup.visibleRangeProperty().addListener((o, a, b) -> updateResetButton());
        updateResetButton();
    }

    /** Re-bins the smoothed series once ChartFX has released its locks (see the canvas width listener). */
    private void rebinAfterLayout() {
        javafx.scene.Scene scene = getScene();
        if (scene == null) {
            showRange(group.visibleRange()); // no scene: ChartFX holds no lock
            return;
        }
        if (rebinPending) {
            return;
        }
        rebinPending = true;
        Runnable[] once = new Runnable[1];
        // added after ChartFX's own post-layout listener (registered when the chart joined the scene), so it runs after the unlock
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            rebinPending = false;
            if (group.visibleRange() != null && getScene() == scene) {
                showRange(group.visibleRange());
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
        javafx.application.Platform.requestNextPulse();
    }

    /** Called by the group: shows {@code range} and fits the value axis to it. */
    void showRange(TimeRange range) {
        xAxis.setAutoRanging(false);
        xAxis.set(range.from(), range.to());
        if (smoothWhenDense) {
            double pixels = chart.getCanvas().getWidth() > 0 ? chart.getCanvas().getWidth() : 800;
            for (int i = 0; i < series.size(); i++) {
                ValueFit.Smoothed s = ValueFit.smooth(series.get(i), range.from(), range.to(), pixels);
                smoothing[i] = s.pointsPerValue();
                drawnSeries[i] = s.series();
                dataSets.get(i).set(s.series().x(), s.series().y(), s.series().size(), false);
            }
        }
        fitValues();
        refreshLegend();
    }

    /** Called by the group: the crosshair at {@code x} (NaN hides it), with the horizontal part at scene y. */
    void showCrosshair(double x, double sceneY) {
        crosshairX = x;
        if (Double.isNaN(x)) {
            crosshair.hide();
        } else {
            crosshair.show(x, sceneY, timeAxisVisible);
        }
        refreshLegend();
    }

    // ---- internals -------------------------------------------------------------------------------

    /** Least pixels of plot a pane keeps under its legend, so the data is never drawn behind it. */
    static final double MIN_PLOT_UNDER_LEGEND = 28;

    /**
     * The height this pane needs so its lines stay clear of its legend: the legend (as wrapped at the
     * pane's width), its margins and {@link #MIN_PLOT_UNDER_LEGEND} pixels of plot, without the time axis.
     */
    double heightClearOfLegend() {
        double legendRows = legend.isVisible() ? Math.max(legend.getHeight(), 16) : 0;
        return legendRows + 6 + 4 + MIN_PLOT_UNDER_LEGEND;
    }

    private void fitValues() {
        TimeRange r = group.visibleRange();
        double length = chart.getCanvas().getHeight();
        double top = (legend.isVisible() ? Math.max(legend.getHeight(), 16) : 0) + 6;
        if (fixedRange != null) {
            // the whole fixed range stays in view, clear of the legend
            double[] range = ValueFit.padded(fixedRange[0], fixedRange[1], length, top, 6, false);
            yAxis.setAutoRanging(false);
            yAxis.set(range[0], range[1]);
            return;
        }
        if (r == null) {
            return;
        }
        boolean log = logScale.get();
        double[] loHi = ValueFit.empty();
        for (int i = 0; i < series.size(); i++) {
            ValueFit.extremes(drawnSeries[i], r.from(), r.to(), log, loHi);
        }
        for (FitSource f : fitSources) {
            f.extend(r.from(), r.to(), log, loHi);
        }
        if (includeZero && !log && loHi[0] <= loHi[1]) {
            // values that never rise above zero (a drawdown): the room kept above 0 for the legend gets no
            // label, as a "50.0%" drawdown cannot exist
            double labelMax = loHi[1] <= 0 ? 0 : Double.NaN;
            if (Double.compare(labelMax, shownLabelMax) != 0) {
                shownLabelMax = labelMax;
                yAxis.setLabelMax(labelMax);
            }
            loHi[0] = Math.min(loHi[0], 0);
            loHi[1] = Math.max(loHi[1], 0);
        }
        double[] range = ValueFit.padded(loHi[0], loHi[1], length, top, 4, log);
        if (range != null) {
            yAxis.setAutoRanging(false);
            yAxis.set(range[0], range[1]);
        }
    }

    private void refreshLegend() {
        double x = crosshairX;
        TimeRange r = group.visibleRange();
        if (Double.isNaN(x) && r != null && !series.isEmpty() && series.get(0).size() > 0) {
            // no crosshair: the last day in view, as a trading screen shows the latest values
            ChartSeries first = series.get(0);
            int i = CandleLayer.lowerBound(first.x(), Math.nextUp(r.to())) - 1;
            x = i >= 0 ? first.x()[i] : Double.NaN;
        }
        legend.show(series, x, valueFormat, headReadout == null || Double.isNaN(x) ? null : headReadout.apply(x),
                smoothWhenDense ? smoothing : null);
    }

    private boolean positive() {
        for (ChartSeries s : series) {
            for (double v : s.y()) {
                if (v <= 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private Color colorOf(int i) {
        Color c = series.get(i).color();
        return c != null ? c : PALETTE.get(i % PALETTE.size());
    }

    private List<DataSet> levelSets() {
        List<DataSet> sets = new ArrayList<>();
        TimeRange all = group.extent();
        double from = all == null ? 0 : all.from();
        double to = all == null ? 1 : all.to();
        for (double level : levels) {
            DoubleDataSet d = new DoubleDataSet(String.format(Locale.ROOT, "level %s", level), new double[] {from, to},
                    new double[] {level, level}, 2, false);
            d.setStyle("-fx-line-color: " + css(LEVEL) + "; -fx-line-dash-array: 5 4; -fx-line-width: 1;");
            sets.add(d);
        }
        return sets;
    }

    /** The legend wraps before the tools and the value axis. */
    private void wrapLegend() {
        double room = Math.max(120, getWidth() - yAxis.getWidth() - tools.getWidth() - 24);
        legend.setPrefWrapLength(room);
        legend.setMaxWidth(room);
    }

    private void updateResetButton() {
        boolean first = !group.panes().isEmpty() && group.panes().get(0) == this;
        showTool(resetButton, first && !group.showingAll());
    }

    private static void showTool(Node tool, boolean show) {
        tool.setVisible(show);
        tool.setManaged(show);
    }

    private static String css(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private void installInput() {
        chart.setCursor(Cursor.CROSSHAIR);
        // on the plot area, as ChartFX's own plugins: its skin consumes mouse events before they reach the chart
        var plot = chart.getPlotArea();
        plot.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && inPlot(e.getSceneX(), e.getSceneY())) {
                dragStartX = e.getSceneX();
                dragStartRange = group.visibleRange();
            }
        });
        plot.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (dragStartRange == null || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            double width = chart.getCanvas().getWidth();
            if (width > 0) {
                double shift = -(e.getSceneX() - dragStartX) * dragStartRange.span() / width;
                group.setRange(dragStartRange.from() + shift, dragStartRange.to() + shift);
            }
            chart.setCursor(Cursor.CLOSED_HAND);
            group.hover(this, Double.NaN, Double.NaN);
        });
        plot.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            dragStartRange = null;
            chart.setCursor(Cursor.CROSSHAIR);
        });
        plot.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(e.getSceneX(), e.getSceneY()));
        plot.addEventHandler(MouseEvent.MOUSE_EXITED, e -> group.hover(this, Double.NaN, Double.NaN));
        plot.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && inPlot(e.getSceneX(), e.getSceneY())) {
                resetZoom();
            }
        });
        plot.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (!inPlot(e.getSceneX(), e.getSceneY()) || group.visibleRange() == null) {
                return;
            }
            double width = chart.getCanvas().getWidth();
            if (Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
                if (width > 0) {
                    group.pan(-e.getDeltaX() * group.visibleRange().span() / width);
                }
            } else if (e.getDeltaY() != 0) {
                group.zoom(Math.pow(ZOOM_PER_NOTCH, e.getDeltaY() / 40.0), valueAt(e.getSceneX()));
            }
            hoverAt(e.getSceneX(), e.getSceneY());
            e.consume();
        });
    }

    private void hoverAt(double sceneX, double sceneY) {
        if (series.isEmpty() || !inPlot(sceneX, sceneY)) {
            group.hover(this, Double.NaN, Double.NaN);
        } else {
            group.hover(this, valueAt(sceneX), sceneY);
        }
    }

    /** The date axis value (epoch seconds) at scene x. */
    double valueAt(double sceneX) {
        return xAxis.getValueForDisplay(xAxis.sceneToLocal(sceneX, 0).getX());
    }

    private boolean inPlot(double sceneX, double sceneY) {
        var canvas = chart.getCanvas();
        var p = canvas.sceneToLocal(sceneX, sceneY);
        return p != null && canvas.getBoundsInLocal().contains(p);
    }
}
