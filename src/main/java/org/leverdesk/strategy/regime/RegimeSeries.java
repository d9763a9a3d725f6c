package org.leverdesk.strategy.regime;

import java.time.LocalDate;
import java.util.Arrays;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.History;

/**
 * SMAs, raw and confirmed regimes of a close series, day by day, in primitive arrays. The series is
 * append-only: the values of day t are computed when day t is appended, from days 0..t only, and
 * never change afterwards. So a strategy that extends it one visible bar at a time sees exactly what
 * a computation over the whole history shows for that day — look-ahead is impossible by construction.
 * Cold start: the confirmed regime is CAUTIOUS on the first day with {@code slowPeriod} bars.
 * Not thread-safe.
 */
public final class RegimeSeries {
    private final RegimeRules rules;
    private LocalDate[] dates = new LocalDate[0];
    private double[] close = new double[0];
    private double[] logReturn = new double[0];
    private double[] fast = new double[0];
    private double[] slow = new double[0];
    private Regime[] raw = new Regime[0];
    private Regime[] confirmed = new Regime[0];
    private int[] entry = new int[0];
    private int size;
    // Rolling window sums: O(1) per day. Their rounding error stays near 1e-12 relative over 10,000 days,
    // far below the 4 decimals printed and the 2% deadzone.
    private double fastSum;
    private double slowSum;

    public RegimeSeries(RegimeRules rules) {
        this.rules = rules;
    }

    /** The series computed over every bar of {@code bars}. */
    public static RegimeSeries of(BarSeries bars, RegimeRules rules) {
        RegimeSeries s = new RegimeSeries(rules);
        s.ensureCapacity(bars.size());
        for (int i = 0; i < bars.size(); i++) {
            s.append(bars.date(i), bars.close(i));
        }
        return s;
    }

    public RegimeRules rules() { return rules; }
    public int size() { return size; }
    public LocalDate date(int i) { return dates[check(i)]; }
    public double close(int i) { return close[check(i)]; }
    /** ln(close_i / close_{i-1}); NaN on day 0. Stored so volatility windows need no logarithms. */
    public double logReturn(int i) { return logReturn[check(i)]; }
    /** Fast SMA (default 50) of day i, NaN before it has enough bars. */
    public double fastSma(int i) { return fast[check(i)]; }
    /** Slow SMA (default 250) of day i, NaN before it has enough bars. */
    public double slowSma(int i) { return slow[check(i)]; }
    /** Raw regime of day i, or null before the slow SMA exists. */
    public Regime raw(int i) { return raw[check(i)]; }
    /** Confirmed regime of day i, or null before the slow SMA exists. */
    public Regime confirmed(int i) { return confirmed[check(i)]; }
    /** Index of the day the confirmed regime of day i was entered, or -1 when there is none. */
    public int confirmedSince(int i) { return entry[check(i)]; }

    /** Index of the bar dated {@code d}, or -1. */
    public int indexOf(LocalDate d) {
        int i = Arrays.binarySearch(dates, 0, size, d);
        return i >= 0 ? i : -1;
    }

    /**
     * Brings this series up to the visible bars of {@code h}: appends the new bars when {@code h}
     * extends what is already computed (the usual backtest step), else recomputes from h's first bar.
     */
    public void syncTo(History h) {
        if (!isPrefixOf(h)) {
            size = 0;
            fastSum = 0;
            slowSum = 0;
        }
        ensureCapacity(h.size());
        for (int i = size; i < h.size(); i++) {
            append(h.date(i), h.close(i));
        }
    }

    private boolean isPrefixOf(History h) {
        if (size > h.size()) {
            return false;
        }
        if (size == 0) {
            return true;
        }
        int last = size - 1;
        return dates[0].equals(h.date(0)) && dates[last].equals(h.date(last)) && close[last] == h.close(last);
    }

    /** Appends the next day's close and computes its SMAs and regimes. */
    public void append(LocalDate date, double c) {
        if (!(c > 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("close on " + date + " must be a positive price (got " + c + ")");
        }
        if (size > 0 && !date.isAfter(dates[size - 1])) {
            throw new IllegalArgumentException("bar " + date + " is not after " + dates[size - 1] + "; dates must ascend");
        }
        ensureCapacity(size + 1);
        int t = size;
        dates[t] = date;
        close[t] = c;
        logReturn[t] = t > 0 ? Math.log(c / close[t - 1]) : Double.NaN;
        fastSum += c;
        slowSum += c;
        if (t >= rules.fastPeriod()) {
            fastSum -= close[t - rules.fastPeriod()];
        }
        if (t >= rules.slowPeriod()) {
            slowSum -= close[t - rules.slowPeriod()];
        }
        fast[t] = t + 1 >= rules.fastPeriod() ? fastSum / rules.fastPeriod() : Double.NaN;
        slow[t] = t + 1 >= rules.slowPeriod() ? slowSum / rules.slowPeriod() : Double.NaN;
        if (Double.isNaN(slow[t])) {
            raw[t] = null;
            confirmed[t] = null;
            entry[t] = -1;
        } else {
            raw[t] = rules.classify(c, fast[t], slow[t]);
            Regime before = t > 0 ? confirmed[t - 1] : null;
            if (before == null) {
                confirmed[t] = Regime.CAUTIOUS; // cold start
                entry[t] = t;
            } else if (rules.switches(before, t - entry[t - 1], raw[t])) {
                confirmed[t] = raw[t];
                entry[t] = t;
            } else {
                confirmed[t] = before;
                entry[t] = entry[t - 1];
            }
        }
        size = t + 1;
    }

    private void ensureCapacity(int n) {
        if (n <= dates.length) {
            return;
        }
        int cap = Math.max(n, dates.length * 2);
        dates = Arrays.copyOf(dates, cap);
        close = Arrays.copyOf(close, cap);
        logReturn = Arrays.copyOf(logReturn, cap);
        fast = Arrays.copyOf(fast, cap);
        slow = Arrays.copyOf(slow, cap);
        raw = Arrays.copyOf(raw, cap);
        confirmed = Arrays.copyOf(confirmed, cap);
        entry = Arrays.copyOf(entry, cap);
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("day " + i + " outside 0.." + (size - 1));
        }
        return i;
    }
}
