package org.leverdesk.indicator;

import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.SeriesIndicator;

/**
 * Volume-weighted average of the typical price (high + low + close) / 3 over the last {@code days}
 * daily bars: Σ(typical·volume) / Σvolume; NaN for the first days-1 bars and for windows without volume.
 */
public record Vwap(int days) implements SeriesIndicator {
    public Vwap {
        if (days < 1) {
            throw new IllegalArgumentException("a VWAP needs at least 1 day (got " + days + ")");
        }
    }

    @Override
    public String key() {
        return "vwap(" + days + ")";
    }

    @Override
    public double[] compute(BarSeries s) {
        double[] out = new double[s.size()];
        for (int i = 0; i < out.length; i++) {
            if (i + 1 < days) {
                out[i] = Double.NaN;
                continue;
            }
            double pv = 0;
            double v = 0;
            for (int j = i - days + 1; j <= i; j++) {
                double typical = (s.high(j) + s.low(j) + s.close(j)) / 3;
                pv += typical * s.volume(j);
                v += s.volume(j);
            }
            out[i] = v > 0 ? pv / v : Double.NaN;
        }
        return out;
    }
}
