package org.leverdesk.indicator;

import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.SeriesIndicator;

/**
 * Lower Bollinger band of the closes: SMA(days) − k·σ, σ the population standard deviation (divided by
 * {@code days}) of the same window; NaN for the first days-1 bars.
 */
public record BollingerLower(int days, double k) implements SeriesIndicator {
    public BollingerLower {
        if (days < 1 || !(k >= 0) || !Double.isFinite(k)) {
            throw new IllegalArgumentException("a Bollinger band needs at least 1 day and a finite k >= 0 (got " + days + ", " + k + ")");
        }
    }

    @Override
    public String key() {
        return "bollinger-lower(" + days + "," + k + ")";
    }

    @Override
    public double[] compute(BarSeries s) {
        double[] out = new double[s.size()];
        for (int i = 0; i < out.length; i++) {
            if (i + 1 < days) {
                out[i] = Double.NaN;
                continue;
            }
            double sum = 0;
            for (int j = i - days + 1; j <= i; j++) {
                sum += s.close(j);
            }
            double mean = sum / days;
            double sq = 0;
            for (int j = i - days + 1; j <= i; j++) {
                double d = s.close(j) - mean;
                sq += d * d;
            }
            out[i] = mean - k * Math.sqrt(sq / days);
        }
        return out;
    }
}
