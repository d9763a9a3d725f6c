package org.leverdesk.indicator;

import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.SeriesIndicator;

/** Simple moving average of the last {@code days} closes ending at each bar; NaN for the first days-1 bars. */
public record Sma(int days) implements SeriesIndicator {
    public Sma {
        if (days < 1) {
            throw new IllegalArgumentException("an SMA needs at least 1 day (got " + days + ")");
        }
    }

    @Override
    public String key() {
        return "sma(" + days + ")";
    }

    @Override
    public double[] compute(BarSeries s) {
        double[] out = new double[s.size()];
        for (int i = 0; i < out.length; i++) {
            if (i + 1 < days) {
                out[i] = Double.NaN;
                continue;
            }
            // Summed afresh over the window (not a running sum) so values equal a direct average to the last bit.
            double sum = 0;
            for (int j = i - days + 1; j <= i; j++) {
                sum += s.close(j);
            }
            out[i] = sum / days;
        }
        return out;
    }
}
