package org.leverdesk.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The market snapshot of a replay, moved forward one day at a time: one {@link History} per symbol and
 * one {@link MarketSnapshot}, advanced in place so thousands of replayed days allocate nothing. "Now"
 * only moves forward, so a history a strategy keeps never shows a bar after the day it is asked on.
 */
public final class ReplayCursor {
    private final BarSeries[] series;
    private final History[] histories;
    private final int[] cursor;
    private final boolean[] barToday;
    private final MarketSnapshot snapshot;
    private long day = Long.MIN_VALUE;

    public ReplayCursor(BarSeries[] series) {
        this.series = series.clone();
        this.histories = new History[series.length];
        this.cursor = new int[series.length];
        this.barToday = new boolean[series.length];
        Map<String, History> map = new LinkedHashMap<>();
        for (int s = 0; s < series.length; s++) {
            histories[s] = new History(series[s], -1);
            cursor[s] = -1;
            map.put(series[s].symbol(), histories[s]);
        }
        this.snapshot = new MarketSnapshot(null, map);
    }

    /** Moves every history to its last bar on or before {@code today}. */
    public void advanceTo(LocalDate today) {
        advanceTo(today, today.toEpochDay());
    }

    /** {@link #advanceTo(LocalDate)} with {@code today}'s epoch day known (a replay reads it off its series). */
    public void advanceTo(LocalDate today, long epochDay) {
        assert epochDay == today.toEpochDay() : epochDay + " is not the epoch day of " + today;
        if (epochDay < day) {
            throw new IllegalArgumentException("a replay only moves forward (" + LocalDate.ofEpochDay(day) + " -> " + today + ")");
        }
        day = epochDay;
        for (int s = 0; s < series.length; s++) {
            BarSeries ser = series[s];
            int c = cursor[s];
            while (c + 1 < ser.size() && ser.epochDay(c + 1) <= epochDay) {
                c++;
            }
            if (c != cursor[s]) {
                cursor[s] = c;
                histories[s].advanceTo(c);
            }
            barToday[s] = c >= 0 && ser.epochDay(c) == epochDay;
        }
        snapshot.moveTo(today);
    }

    /** The snapshot as of the last {@link #advanceTo} day (the same object every day). */
    public MarketSnapshot snapshot() {
        return snapshot;
    }

    /** Index of symbol {@code s}'s bar of today, or its latest before today, or -1. */
    public int cursor(int s) {
        return cursor[s];
    }

    /** True when symbol {@code s} has a bar dated today. */
    public boolean hasBarToday(int s) {
        return barToday[s];
    }
}
