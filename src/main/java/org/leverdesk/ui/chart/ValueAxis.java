package org.leverdesk.ui.chart;

import java.util.function.DoubleFunction;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.spi.fastutil.DoubleArrayList;

/**
 * The value axis of a chart pane, linear or logarithmic. ChartFX's own ticks were too few on short
 * panes (one or two labels) and, on a log axis, only powers of ten; here a label comes about every
 * {@link #PIXELS_PER_LABEL} pixels (at least three when the pane has room), log ticks use 1-2-5 or
 * 1..9 mantissas as the range needs, and no label is placed where it would be cut at the ends.
 */
final class ValueAxis extends DefaultNumericAxis {
    /** Pixels per label the ticks aim for. */
    static final double PIXELS_PER_LABEL = 38;
    /** Height of a tick label's text (11 px font). */
    static final double LABEL_HEIGHT = 14;
    /** Least pixels between two labels' centres: a label's height and 4 px ("$1,000,000" touched "$500,000" at 15). */
    static final double MIN_LABEL_GAP = LABEL_HEIGHT + 4;
    /**
     * Ticks nearer than this to an end are left out: half a label so it is not cut, plus 3 px so that
     * the bottom label of one pane and the top label of the pane under it ("20B" over "$10,000,000")
     * keep 6 px between them instead of touching.
     */
    static final double EDGE = LABEL_HEIGHT / 2 + 3;
    private static final double[][] LOG_MANTISSAS = {{1}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};

    ValueAxis(DoubleFunction<String> format) {
        setAutoRanging(false);
        setAutoRangeRounding(false);
        setAnimated(false);
        getMinorTickStyle().setVisible(false);
        setLogarithmBase(10);
        setValueFormat(format);
    }

    /** Width given by a stack so that all its panes' plots line up; 0 when alone. */
    private double sharedWidth;

    /** The width this axis needs for its own labels. */
    double naturalWidth() {
        return super.computePrefWidth(getHeight() > 0 ? getHeight() : -1);
    }

    /** Makes the axis at least {@code width} wide (the widest axis of a stack). */
    void setSharedWidth(double width) {
        if (Math.abs(width - sharedWidth) > 0.5) {
            sharedWidth = width;
            requestLayout();
            if (getParent() != null) {
                getParent().requestLayout();
            }
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return Math.max(super.computePrefWidth(height), sharedWidth);
    }

    /** How tick labels are written. */
    void setValueFormat(DoubleFunction<String> format) {
        setTickLabelFormatter(ChartFormats.tickLabels(format));
        forceRedraw();
    }

    /** Labels only up to here (a fixed 0–100% pane stretched above 100% to clear its legend showed "150%"). */
    private double labelMax = Double.MAX_VALUE;

    /** Labels no value above {@code max} (NaN: no limit). */
    void setLabelMax(double max) {
        labelMax = Double.isNaN(max) ? Double.MAX_VALUE : max;
        forceRedraw();
    }

    @Override
    protected void calculateMajorTickValues(AxisRange range, DoubleArrayList ticks) {
        double upper = Math.min(range.getUpperBound(), labelMax);
        // the axis' own length for the labelled part only, so the spacing in pixels stays right
        double length = upper >= range.getUpperBound() || !(range.getUpperBound() > range.getLowerBound()) ? getLength()
                : isLogAxis() ? getLength() * Math.log(upper / range.getLowerBound()) / Math.log(range.getUpperBound() / range.getLowerBound())
                : getLength() * (upper - range.getLowerBound()) / (range.getUpperBound() - range.getLowerBound());
        // the labelled part's top end may carry a label when it is not the axis' own end (room above it)
        double[] values = ticks(range.getLowerBound(), upper < range.getUpperBound() ? upper + (upper - range.getLowerBound()) * EDGE / Math.max(length, 1)
                : upper, upper < range.getUpperBound() ? length + EDGE : length, isLogAxis());
        for (double v : values) {
            if (v <= upper * (1 + 1e-9) + 1e-12) {
                ticks.add(v);
            }
        }
    }

    @Override
    protected void calculateMinorTickValues(DoubleArrayList ticks) {
        // none: the grid follows the labelled ticks
    }

    /** The labelled values between {@code min} and {@code max} on an axis {@code length} pixels long. */
    static double[] ticks(double min, double max, double length, boolean log) {
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max) || !(length > 2 * EDGE)) {
            return new double[0];
        }
        int wanted = (int) Math.max(2, Math.min(12, Math.floor(length / PIXELS_PER_LABEL)));
        int needed = Math.min(3, wanted);
        if (log && min > 0) {
            // the coarsest mantissas that still give enough labels once spaced
            double[] best = new double[0];
            for (double[] mantissas : LOG_MANTISSAS) {
                double[] c = spaced(logCandidates(min, max, mantissas), min, max, length, true);
                if (c.length >= Math.max(needed, wanted / 2)) {
                    return c;
                }
                best = c.length > best.length ? c : best;
            }
            double[] linear = spaced(linearCandidates(min, max, wanted), min, max, length, true);
            return linear.length > best.length ? linear : best;
        }
        double[] ticks = spaced(linearCandidates(min, max, wanted), min, max, length, false);
        for (int more = 2; ticks.length < needed && more <= 4; more *= 2) {
            ticks = spaced(linearCandidates(min, max, wanted * more), min, max, length, false);
        }
        return ticks;
    }

    private static double[] logCandidates(double min, double max, double[] mantissas) {
        DoubleArrayList out = new DoubleArrayList();
        for (int exp = (int) Math.floor(Math.log10(min)); exp <= (int) Math.ceil(Math.log10(max)); exp++) {
            double power = Math.pow(10, exp);
            for (double m : mantissas) {
                double v = round(m * power);
                if (v >= min && v <= max) {
                    out.add(v);
                }
            }
        }
        return java.util.Arrays.copyOf(out.elements(), out.size());
    }

    private static double[] linearCandidates(double min, double max, int wanted) {
        double raw = (max - min) / wanted;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * 10;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        DoubleArrayList out = new DoubleArrayList();
        for (double v = Math.ceil(min / step) * step; v <= max && out.size() < 100; v += step) {
            out.add(round(v));
        }
        return java.util.Arrays.copyOf(out.elements(), out.size());
    }

    /** Keeps candidates at least {@link #MIN_LABEL_GAP} apart and {@link #EDGE} away from both ends. */
    private static double[] spaced(double[] candidates, double min, double max, double length, boolean log) {
        DoubleArrayList out = new DoubleArrayList();
        double previous = Double.NEGATIVE_INFINITY;
        for (double v : candidates) {
            double at = log ? Math.log(v / min) / Math.log(max / min) * length : (v - min) / (max - min) * length;
            if (at < EDGE || at > length - EDGE || at - previous < MIN_LABEL_GAP) {
                continue;
            }
            out.add(v);
            previous = at;
        }
        return java.util.Arrays.copyOf(out.elements(), out.size());
    }

    /** Removes the binary noise of repeated additions (0.30000000000000004 → 0.3). */
    private static double round(double v) {
        return v == 0 ? 0 : Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", v));
    }
}
