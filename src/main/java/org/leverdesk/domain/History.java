package org.leverdesk.domain;

import java.time.LocalDate;

/**
 * The bars of one symbol up to and including "now". This is the only view of prices a strategy
 * gets: every accessor rejects an index past {@link #lastIndex()}, so a strategy cannot read a
 * future bar even by mistake.
 */
public final class History {
    private final BarSeries series;
    // Moves only forward, and only through a ReplayCursor (a replay's one view per symbol).
    private int lastIndex;
    // The indicators last read and their values (see values); a History belongs to one replay or decision.
    private final Recent[] recent = new Recent[4];
    private int nextRecent;

    public History(BarSeries series, int lastIndex) {
        if (lastIndex >= series.size()) {
            throw new IllegalArgumentException("lastIndex " + lastIndex + " beyond " + series);
        }
        this.series = series;
        this.lastIndex = lastIndex;
    }

    /** Moves "now" forward to bar {@code i} (a replay's cursor; never backwards). */
    void advanceTo(int i) {
        if (i < lastIndex || i >= series.size()) {
            throw new IllegalArgumentException("a history only moves forward within its series (" + lastIndex + " -> " + i + ")");
        }
        lastIndex = i;
    }

    public String symbol() { return series.symbol(); }
    /** Number of visible bars. */
    public int size() { return lastIndex + 1; }
    public boolean isEmpty() { return lastIndex < 0; }
    /** Index of the newest visible bar (size() - 1). */
    public int lastIndex() { return lastIndex; }

    private int check(int i) {
        if (i > lastIndex || i < 0) {
            throw new LookAheadException(series.symbol(), i, lastIndex);
        }
        return i;
    }

    public LocalDate date(int i) { return series.date(check(i)); }
    public double open(int i) { return series.open(check(i)); }
    public double high(int i) { return series.high(check(i)); }
    public double low(int i) { return series.low(check(i)); }
    public double close(int i) { return series.close(check(i)); }
    public long volume(int i) { return series.volume(check(i)); }
    public double adjClose(int i) { return series.adjClose(check(i)); }
    public Bar bar(int i) { return series.bar(check(i)); }

    public LocalDate lastDate() { return date(lastIndex); }
    public double lastClose() { return close(lastIndex); }

    /** The value of {@code indicator} at visible bar {@code i} (computed once per series, shared). */
    public double indicator(SeriesIndicator indicator, int i) {
        return values(indicator)[check(i)];
    }

    /** The value of {@code indicator} at the newest visible bar (NaN when nothing is visible). */
    public double latest(SeriesIndicator indicator) {
        return lastIndex < 0 ? Double.NaN : values(indicator)[lastIndex];
    }

    /**
     * The series' values of {@code indicator}. A strategy asks for the same few indicator objects every day,
     * so the last ones asked for are remembered by identity: no hashing of the indicator's key per day.
     */
    private double[] values(SeriesIndicator indicator) {
        Recent[] recent = this.recent;
        for (Recent r : recent) {
            if (r != null && r.indicator == indicator) {
                return r.values;
            }
        }
        double[] v = series.derived(indicator);
        int k = nextRecent;
        recent[k] = new Recent(indicator, v);
        nextRecent = (k + 1) % recent.length;
        return v;
    }

    /** One remembered indicator (one object, so a reader on another thread never pairs a key with other values). */
    private record Recent(SeriesIndicator indicator, double[] values) {
    }

    /** Close prices of all visible bars, oldest first (a copy). */
    public double[] closes() { return series.closes(lastIndex); }

    /** Index of the visible bar dated exactly {@code date}, or -1. */
    public int indexOf(LocalDate date) {
        int i = series.indexOf(date);
        return i <= lastIndex ? i : -1;
    }
}
