package org.leverdesk.indicator;

import java.time.Duration;
import java.time.Instant;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.SeriesIndicator;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * ta4j 0.22.2's {@link RSIIndicator} of the closes (Wilder smoothing, {@code DoubleNum}): NaN for bars
 * 0..period-1; at bar {@code period} the Wilder averages are seeded with that bar's own gain and loss
 * (so it is 100 after an up day and 0 after a down or flat day), then avg = prev + (x − prev) / period.
 * RSI = 100 − 100 / (1 + avgGain / avgLoss), 100 when only gains, 0 when neither.
 */
public record Rsi(int period) implements SeriesIndicator {
    private static final Duration DAY = Duration.ofDays(1);

    public Rsi {
        if (period < 1) {
            throw new IllegalArgumentException("RSI period must be at least 1 (got " + period + ")");
        }
    }

    @Override
    public String key() {
        return "rsi(" + period + ")";
    }

    @Override
    public double[] compute(BarSeries s) {
        org.ta4j.core.BarSeries t = new BaseBarSeriesBuilder().withName("rsi").withNumFactory(DoubleNumFactory.getInstance()).build();
        for (int i = 0; i < s.size(); i++) {
            double c = s.close(i);
            // ta4j wants strictly increasing bar times; the RSI reads closes only, so synthetic days do.
            t.barBuilder().timePeriod(DAY).endTime(Instant.EPOCH.plus(DAY.multipliedBy(i + 1L)))
                    .openPrice(c).highPrice(c).lowPrice(c).closePrice(c).volume(0).add();
        }
        RSIIndicator rsi = new RSIIndicator(new ClosePriceIndicator(t), period);
        double[] out = new double[s.size()];
        // Ascending, so ta4j's cache computes each value once from the previous one.
        for (int i = 0; i < out.length; i++) {
            out[i] = rsi.getValue(i).doubleValue();
        }
        return out;
    }
}
