package org.leverdesk.options.market;

import java.time.LocalDate;
import java.util.Arrays;
import org.leverdesk.domain.BarSeries;

/**
 * The continuous dividend yield q of an underlying: a constant, or the trailing 12-month yield measured
 * from the bars' own adjusted closes. Yahoo's adj_close / close ratio rises by the factor 1 + D/P at
 * each ex-dividend date, so q(t) = ln(ratio(t) / ratio(t − 365 days)) is the yield of the dividends paid
 * in the past year, known at t (no later dividend enters it). Before a year of history, and where the
 * estimate is not plausible, the fallback constant is used.
 */
public final class DividendYield {
    /** QQQ: the average yield its adj_close implies 1999–2025 (../shared/data/prices/QQQ.csv), 0.63%. */
    public static final double QQQ_DEFAULT = 0.0063;
    /** SPY: the same for 1993–2025, 1.81%. */
    public static final double SPY_DEFAULT = 0.0181;

    private final double constant;
    private final long[] epochDays;
    private final double[] trailing;

    private DividendYield(double constant, long[] epochDays, double[] trailing) {
        if (!Double.isFinite(constant) || constant < 0 || constant > 0.2) {
            throw new IllegalArgumentException("dividend yield must be a decimal between 0 and 0.2 (got " + constant + ")");
        }
        this.constant = constant;
        this.epochDays = epochDays;
        this.trailing = trailing;
    }

    public static DividendYield constant(double yield) {
        return new DividendYield(yield, null, null);
    }

    /** The trailing 12-month yield from {@code bars}' adj_close / close, {@code fallback} before a year of bars. */
    public static DividendYield trailing(BarSeries bars, double fallback) {
        int n = bars.size();
        long[] days = new long[n];
        double[] q = new double[n];
        int start = 0;
        for (int i = 0; i < n; i++) {
            days[i] = bars.date(i).toEpochDay();
            LocalDate yearAgo = bars.date(i).minusDays(365);
            while (start < i && bars.date(start + 1).compareTo(yearAgo) <= 0) {
                start++;
            }
            boolean fullYear = bars.date(start).compareTo(yearAgo) <= 0;
            double now = bars.adjClose(i) / bars.close(i);
            double then = bars.adjClose(start) / bars.close(start);
            double estimate = Math.log(now / then);
            q[i] = fullYear && estimate >= 0 && estimate < 0.2 ? estimate : Double.NaN;
        }
        return new DividendYield(fallback, days, q);
    }

    /** The yield valid on {@code date}: the trailing estimate at the latest bar on or before it, else the constant. */
    public double on(LocalDate date) {
        if (epochDays == null) {
            return constant;
        }
        int i = Arrays.binarySearch(epochDays, date.toEpochDay());
        if (i < 0) {
            i = -i - 2;
        }
        return i >= 0 && !Double.isNaN(trailing[i]) ? trailing[i] : constant;
    }
}
