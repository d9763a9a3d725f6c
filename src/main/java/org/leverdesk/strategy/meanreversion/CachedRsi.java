package org.leverdesk.strategy.meanreversion;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.leverdesk.domain.History;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * ta4j's {@link RSIIndicator} (Wilder smoothing, {@code DoubleNum}) over the closes of a growing
 * {@link History}, each value computed once and kept in a {@code double[]}.
 *
 * <p>ta4j 0.22.2 semantics: the value is NaN for bars 0..period-1; at bar {@code period} the
 * Wilder averages are seeded with that bar's own gain and loss (so it is 100 after an up day and 0
 * after a down or flat day), then avg = prev + (x − prev) / period. RSI = 100 − 100 / (1 + avgGain /
 * avgLoss), 100 when only gains, 0 when neither.
 *
 * <p>A strategy is called daily with a History one bar longer than yesterday's; the values depend
 * only on the closes, so the cache is reused when the cached closes and the History's agree on
 * every bar both have, and rebuilt otherwise (another series, corrected data). Only visible bars are read.
 * Not thread-safe: one instance per strategy instance, which decides on one thread at a time.
 */
final class CachedRsi {
    private static final Duration DAY = Duration.ofDays(1);
    private final int period;
    private BarSeries series;
    private RSIIndicator rsi;
    private double[] closes = new double[0];
    private double[] values = new double[0];
    private int size;

    CachedRsi(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("RSI period must be at least 1 (got " + period + ")");
        }
        this.period = period;
        reset();
    }

    /** RSI at the newest visible bar of {@code h} (NaN while warming up). */
    double latest(History h) {
        update(h);
        return h.isEmpty() ? Double.NaN : values[h.lastIndex()];
    }

    /** RSI of every visible bar of {@code h}, oldest first (a copy). */
    double[] values(History h) {
        update(h);
        return Arrays.copyOf(values, h.size());
    }

    private void update(History h) {
        int n = h.size();
        if (!cachedIsPrefixOf(h)) {
            reset();
        }
        if (n > values.length) {
            int capacity = Math.max(n, values.length * 2);
            values = Arrays.copyOf(values, capacity);
            closes = Arrays.copyOf(closes, capacity);
        }
        for (int i = size; i < n; i++) {
            double c = h.close(i);
            // ta4j wants strictly increasing bar times; the RSI reads closes only, so synthetic days do.
            series.barBuilder().timePeriod(DAY).endTime(Instant.EPOCH.plus(DAY.multipliedBy(i + 1L)))
                    .openPrice(c).highPrice(c).lowPrice(c).closePrice(c).volume(0).add();
            closes[i] = c;
            values[i] = rsi.getValue(i).doubleValue();
        }
        size = Math.max(size, n);
    }

    /** True when the cached closes and the visible ones agree wherever both exist. */
    private boolean cachedIsPrefixOf(History h) {
        int common = Math.min(size, h.size());
        for (int i = 0; i < common; i++) {
            if (Double.doubleToLongBits(closes[i]) != Double.doubleToLongBits(h.close(i))) {
                return false;
            }
        }
        return true;
    }

    private void reset() {
        series = new BaseBarSeriesBuilder().withName("rsi").withNumFactory(DoubleNumFactory.getInstance()).build();
        rsi = new RSIIndicator(new ClosePriceIndicator(series), period);
        size = 0;
    }
}
