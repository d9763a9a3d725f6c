package org.leverdesk.ui.chart;

/**
 * The value range a pane shows for the part of its data in view: the lowest and highest visible
 * value, widened so the data keeps a few pixels clear of the pane's edges (and of the legend that
 * sits over its top). On a log axis the padding is applied in log space and non-positive values are
 * ignored. Pure arithmetic, so the fitting is tested without a screen.
 */
final class ValueFit {
    private ValueFit() {
    }

    /**
     * Lowest and highest defined y of {@code s} with x in {@code [from, to]} as {lo, hi}, folded into
     * {@code into}; only positive values when {@code positiveOnly}.
     */
    static void extremes(ChartSeries s, double from, double to, boolean positiveOnly, double[] into) {
        double[] x = s.x();
        double[] y = s.y();
        int i = CandleLayer.lowerBound(x, from);
        for (; i < x.length && x[i] <= to; i++) {
            double v = y[i];
            if (v == v && (!positiveOnly || v > 0) && !Double.isInfinite(v)) {
                if (v < into[0]) {
                    into[0] = v;
                }
                if (v > into[1]) {
                    into[1] = v;
                }
            }
        }
    }

    /** {+inf, -inf}: nothing seen yet. */
    static double[] empty() {
        return new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    }

    /**
     * The axis range that shows {@code lo..hi} on {@code length} pixels with {@code top} and
     * {@code bottom} pixels to spare; null when nothing was seen.
     */
    static double[] padded(double lo, double hi, double length, double top, double bottom, boolean log) {
        if (!(lo <= hi) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
            return null;
        }
        double a = log ? Math.log10(lo) : lo;
        double b = log ? Math.log10(hi) : hi;
        if (b - a < 1e-12) {
            // one value: give it 5% of its size (or 0.5) each way
            double half = log ? 0.02 : Math.abs(a) > 1e-9 ? Math.abs(a) * 0.05 : 0.5;
            a -= half;
            b += half;
        }
        // the stack gives a pane the height its legend needs (TimeSeriesChart#heightClearOfLegend), so the
        // data keeps clear of the legend; only a pane squeezed below that gives up part of the top margin
        double room = Math.max(length - top - bottom, length * 0.25);
        double perPixel = length > 0 && room > 0 ? (b - a) / room : (b - a) * 0.08;
        double min = a - (length > 0 ? bottom : 1) * perPixel;
        double max = b + (length > 0 ? top : 1) * perPixel;
        return log ? new double[] {Math.pow(10, min), Math.pow(10, max)} : new double[] {min, max};
    }

    /**
     * The points to draw when the data is denser than a point per three pixels: the mean of every
     * {@code k} consecutive defined values, at the middle of its bucket, so an oscillator like RSI(2)
     * over decades reads as a line rather than a solid band. Returns {@code raw} when not dense.
     *
     * @return the series to draw and {@code k} (1 when drawn as is)
     */
    static Smoothed smooth(ChartSeries raw, double from, double to, double pixels) {
        int first = CandleLayer.lowerBound(raw.x(), from);
        int end = CandleLayer.lowerBound(raw.x(), Math.nextUp(to));
        int visible = end - first;
        int k = pixels > 0 ? (int) Math.ceil(visible / (pixels / 3.0)) : 1;
        if (k <= 1) {
            return new Smoothed(raw, 1);
        }
        int n = raw.size();
        int buckets = (n + k - 1) / k;
        double[] x = new double[buckets];
        double[] y = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            int start = b * k;
            int stop = Math.min(n, start + k);
            double sum = 0;
            int count = 0;
            for (int i = start; i < stop; i++) {
                double v = raw.y()[i];
                if (v == v) {
                    sum += v;
                    count++;
                }
            }
            x[b] = raw.x()[(start + stop - 1) / 2];
            y[b] = count == 0 ? Double.NaN : sum / count;
        }
        return new Smoothed(new ChartSeries(raw.name(), x, y, raw.color()), k);
    }

    /** A series as drawn, and how many raw points each drawn point averages (1: not smoothed). */
    record Smoothed(ChartSeries series, int pointsPerValue) {
    }
}
