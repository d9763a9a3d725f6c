package org.leverdesk.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable daily bar series of one symbol, stored as primitive arrays so that backtests and
 * indicators can loop over it without allocation. Dates are strictly ascending.
 */
public final class BarSeries {
    private final String symbol;
    private final LocalDate[] dates;
    private final long[] epochDays;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final long[] volume;
    private final double[] adjClose;
    // Indicator values by key, computed on first use (see SeriesIndicator); shared by every reader.
    // cashDividend of every bar, computed on first use (racy but idempotent: every thread computes the same array).
    private volatile double[] dividends;
    private final java.util.concurrent.ConcurrentHashMap<SeriesIndicator, double[]> derived = new java.util.concurrent.ConcurrentHashMap<>();

    private BarSeries(String symbol, LocalDate[] dates, double[] open, double[] high, double[] low,
                      double[] close, long[] volume, double[] adjClose) {
        this.symbol = symbol;
        this.dates = dates;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.adjClose = adjClose;
        this.epochDays = new long[dates.length];
        for (int i = 0; i < dates.length; i++) {
            epochDays[i] = dates[i].toEpochDay();
            if (i > 0 && epochDays[i] <= epochDays[i - 1]) {
                throw new IllegalArgumentException(symbol + ": dates must be strictly ascending at " + dates[i]);
            }
        }
    }

    /** Builds a series from bars in ascending date order. */
    public static BarSeries of(String symbol, List<Bar> bars) {
        int n = bars.size();
        LocalDate[] d = new LocalDate[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], a = new double[n];
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            d[i] = b.date();
            o[i] = b.open();
            h[i] = b.high();
            l[i] = b.low();
            c[i] = b.close();
            v[i] = b.volume();
            a[i] = b.adjClose();
        }
        return new BarSeries(symbol, d, o, h, l, c, v, a);
    }

    public String symbol() { return symbol; }
    public int size() { return dates.length; }
    public boolean isEmpty() { return dates.length == 0; }
    public LocalDate date(int i) { return dates[i]; }
    /** {@code date(i).toEpochDay()} without touching the date object. */
    public long epochDay(int i) { return epochDays[i]; }
    public double open(int i) { return open[i]; }
    public double high(int i) { return high[i]; }
    public double low(int i) { return low[i]; }
    public double close(int i) { return close[i]; }
    public long volume(int i) { return volume[i]; }
    public double adjClose(int i) { return adjClose[i]; }
    public LocalDate firstDate() { return dates[0]; }
    public LocalDate lastDate() { return dates[dates.length - 1]; }

    /**
     * The values of {@code indicator} for every bar, computed once per series. Package-private: strategies
     * read them through {@link History}, which refuses future bars.
     */
    double[] derived(SeriesIndicator indicator) {
        double[] v = derived.get(indicator);
        if (v == null) {
            v = indicator.compute(this);
            if (v.length != size()) {
                throw new IllegalStateException(indicator.key() + " gave " + v.length + " values for " + size() + " bars");
            }
            double[] before = derived.putIfAbsent(indicator, v);
            v = before != null ? before : v;
        }
        return v;
    }

    /**
     * The cash dividend per share that went ex on bar {@code i}, derived from the two closes: with the
     * adjustment factor f = adj_close / close (splits cancel out: both are split-adjusted), a dividend D
     * paid on the ex-date i lowers every earlier factor by (1 - D / close[i-1]), so
     * D = close[i-1] * (1 - f[i-1] / f[i]). Factors that move by less than one part in a million are
     * rounding in the source, and a factor that rises (f[i-1] > f[i]) is no dividend: both give 0.
     */
    public double cashDividend(int i) {
        if (i <= 0 || i >= size()) {
            return 0;
        }
        double[] d = dividends;
        if (d == null) {
            // Computed once for the whole series (a replay asks every day, a sweep thousands of times).
            d = new double[size()];
            for (int k = 1; k < d.length; k++) {
                d[k] = dividendAt(k);
            }
            dividends = d;
        }
        return d[i];
    }

    private double dividendAt(int i) {
        double before = adjClose[i - 1] / close[i - 1];
        double now = adjClose[i] / close[i];
        double ratio = before / now;
        if (!(ratio < 1 - 1e-6) || !Double.isFinite(ratio)) {
            return 0;
        }
        return close[i - 1] * (1 - ratio);
    }

    public Bar bar(int i) {
        return new Bar(dates[i], open[i], high[i], low[i], close[i], volume[i], adjClose[i]);
    }

    public List<Bar> bars() {
        Bar[] out = new Bar[dates.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = bar(i);
        }
        return List.of(out);
    }

    /** Index of the bar dated exactly {@code date}, or -1. */
    public int indexOf(LocalDate date) {
        int i = Arrays.binarySearch(epochDays, date.toEpochDay());
        return i >= 0 ? i : -1;
    }

    /** Index of the last bar dated on or before {@code date}, or -1 when all bars are later. */
    public int indexAtOrBefore(LocalDate date) {
        int i = Arrays.binarySearch(epochDays, date.toEpochDay());
        return i >= 0 ? i : -i - 2;
    }

    /** Index of the first bar dated on or after {@code date}, or size() when all bars are earlier. */
    public int indexAtOrAfter(LocalDate date) {
        int i = Arrays.binarySearch(epochDays, date.toEpochDay());
        return i >= 0 ? i : -i - 1;
    }

    /** The bars from {@code from} to {@code to}, both inclusive. */
    public BarSeries between(LocalDate from, LocalDate to) {
        int a = indexAtOrAfter(from);
        int b = indexAtOrBefore(to) + 1;
        if (b < a) {
            b = a;
        }
        if (a == 0 && b == dates.length) {
            // Immutable: the whole series is itself, and keeps the indicators it has computed, so every
            // backtest of a sweep over a source's full history computes each indicator once.
            return this;
        }
        return new BarSeries(symbol, Arrays.copyOfRange(dates, a, b), Arrays.copyOfRange(open, a, b),
                Arrays.copyOfRange(high, a, b), Arrays.copyOfRange(low, a, b), Arrays.copyOfRange(close, a, b),
                Arrays.copyOfRange(volume, a, b), Arrays.copyOfRange(adjClose, a, b));
    }

    /** A copy of the close prices of bars 0..endInclusive, for indicator code that wants an array. */
    public double[] closes(int endInclusive) {
        return Arrays.copyOf(close, endInclusive + 1);
    }

    @Override
    public String toString() {
        return isEmpty() ? symbol + "[empty]" : symbol + "[" + firstDate() + ".." + lastDate() + ", " + size() + " bars]";
    }
}
