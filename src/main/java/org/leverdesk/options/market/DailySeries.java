package org.leverdesk.options.market;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import org.leverdesk.domain.BarSeries;

/**
 * A daily input known at each session's close (a volatility index, a T-bill rate, a dividend yield):
 * the value of a day is the latest one dated on or before it, never a later one, and only while it is at
 * most {@code maxAgeDays} calendar days old (a series that stopped is not carried forward for ever).
 */
public final class DailySeries {
    private final String name;
    private final long[] epochDays;
    private final double[] values;
    private final int maxAgeDays;

    private DailySeries(String name, long[] epochDays, double[] values, int maxAgeDays) {
        this.name = name;
        this.epochDays = epochDays;
        this.values = values;
        this.maxAgeDays = maxAgeDays;
    }

    /**
     * A series of {@code values} on strictly ascending {@code dates}.
     *
     * @param maxAgeDays how many calendar days a value stays valid when no newer one follows
     */
    public static DailySeries of(String name, LocalDate[] dates, double[] values, int maxAgeDays) {
        Objects.requireNonNull(name, "name");
        if (dates.length != values.length) {
            throw new IllegalArgumentException(name + ": " + dates.length + " dates but " + values.length + " values");
        }
        if (maxAgeDays < 0) {
            throw new IllegalArgumentException(name + ": maximum age must be 0 or more days (got " + maxAgeDays + ")");
        }
        long[] days = new long[dates.length];
        for (int i = 0; i < dates.length; i++) {
            days[i] = dates[i].toEpochDay();
            if (i > 0 && days[i] <= days[i - 1]) {
                throw new IllegalArgumentException(name + ": dates must be strictly ascending at " + dates[i]);
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + ": value on " + dates[i] + " is not a number");
            }
        }
        return new DailySeries(name, days, values.clone(), maxAgeDays);
    }

    /** The closes of a bar series (a volatility index stored like prices: VIX.csv, VXN.csv, the demo's VIX). */
    public static DailySeries closes(BarSeries bars, int maxAgeDays) {
        LocalDate[] dates = new LocalDate[bars.size()];
        double[] values = new double[bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            dates[i] = bars.date(i);
            values[i] = bars.close(i);
        }
        return of(bars.symbol(), dates, values, maxAgeDays);
    }

    /** The same dates with every value × {@code factor}, under a new name. */
    public DailySeries scaled(double factor, String newName) {
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i] * factor;
        }
        return new DailySeries(newName, epochDays, v, maxAgeDays);
    }

    public String name() {
        return name;
    }

    public int size() {
        return values.length;
    }

    public int maxAgeDays() {
        return maxAgeDays;
    }

    public LocalDate firstDate() {
        return values.length == 0 ? null : LocalDate.ofEpochDay(epochDays[0]);
    }

    public LocalDate lastDate() {
        return values.length == 0 ? null : LocalDate.ofEpochDay(epochDays[values.length - 1]);
    }

    /** Index of the latest observation valid on {@code date}, or -1 when there is none (before the series, or stale). */
    public int indexOn(LocalDate date) {
        long day = date.toEpochDay();
        int i = Arrays.binarySearch(epochDays, day);
        if (i < 0) {
            i = -i - 2;
        }
        return i >= 0 && day - epochDays[i] <= maxAgeDays ? i : -1;
    }

    /** The value valid on {@code date}, or NaN when there is none. */
    public double valueOn(LocalDate date) {
        int i = indexOn(date);
        return i < 0 ? Double.NaN : values[i];
    }

    public LocalDate date(int i) {
        return LocalDate.ofEpochDay(epochDays[i]);
    }

    public double value(int i) {
        return values[i];
    }

    @Override
    public String toString() {
        return values.length == 0 ? name + "[empty]" : name + "[" + firstDate() + ".." + lastDate() + ", " + values.length + " days]";
    }
}
