package org.leverdesk.strategy.regime;

/**
 * Computes {@link RegimeSignals} for day t of a {@link RegimeSeries} from days 0..t only. Formulas
 * (c = close, n-day lookbacks from {@link SignalSettings}):
 * <ul>
 * <li>ROC_n = c_t / c_{t−n} − 1 for n = rocShort, rocMid, rocLong (20/60/120).</li>
 * <li>Momentum score = 0.25·[ROC_20 &gt; 0] + 0.25·[ROC_60 &gt; 0] + 0.25·[ROC_120 &gt; 0]
 *     + 0.25·[c_t &gt; SMA_20]: four equal shares, so the score is 0, 0.25, 0.5, 0.75 or 1.</li>
 * <li>Realized volatility = sample stdev of the last volWindow (20) daily log returns ln(c_k/c_{k−1})
 *     × √252 × 100, in %.</li>
 * <li>Overextension = c_t / SMA_fast − 1 (too far above the 50-day line to chase).</li>
 * <li>Fast slope = SMA_fast(t) / SMA_fast(t − L) − 1 with L = sidewaysLookback (20).</li>
 * <li>Efficiency ratio (Kaufman) = |c_t − c_{t−L}| / Σ_{k=t−L+1..t} |c_k − c_{k−1}|: 1 for a straight
 *     line, near 0 for a market going sideways.</li>
 * <li>Trend strength = c_t / SMA_slow − 1.</li>
 * </ul>
 */
public final class SignalCalculator {
    private static final double SQRT_252 = Math.sqrt(252.0);
    private final SignalSettings settings;

    public SignalCalculator(SignalSettings settings) {
        this.settings = settings;
    }

    /** The signals of day {@code t}. */
    public RegimeSignals compute(RegimeSeries s, int t) {
        SignalSettings p = settings;
        double c = s.close(t);
        double rocShort = roc(s, t, p.rocShort());
        double rocMid = roc(s, t, p.rocMid());
        double rocLong = roc(s, t, p.rocLong());
        double smaShort = sma(s, t, p.smaShort());
        double score = Double.NaN;
        if (!Double.isNaN(rocLong) && !Double.isNaN(smaShort)) {
            score = 0.25 * ((rocShort > 0 ? 1 : 0) + (rocMid > 0 ? 1 : 0) + (rocLong > 0 ? 1 : 0) + (c > smaShort ? 1 : 0));
        }
        double vol = realizedVol(s, t, p.volWindow());
        VolBand band = p.band(vol);
        int l = p.sidewaysLookback();
        double fast = s.fastSma(t);
        double fastSlope = t >= l ? fast / s.fastSma(t - l) - 1 : Double.NaN;
        return new RegimeSignals(rocShort, rocMid, rocLong, smaShort, score, p.momentumScale(score), vol, band,
                p.volScale(band), c / fast - 1, fastSlope, efficiencyRatio(s, t, l), c / s.slowSma(t) - 1);
    }

    static double roc(RegimeSeries s, int t, int n) {
        return t >= n ? s.close(t) / s.close(t - n) - 1 : Double.NaN;
    }

    static double sma(RegimeSeries s, int t, int n) {
        if (t + 1 < n) {
            return Double.NaN;
        }
        double sum = 0;
        for (int k = t - n + 1; k <= t; k++) {
            sum += s.close(k);
        }
        return sum / n;
    }

    /** Annualized % stdev (n−1) of the last {@code n} daily log returns; NaN without n+1 closes. */
    static double realizedVol(RegimeSeries s, int t, int n) {
        if (t < n) {
            return Double.NaN;
        }
        double mean = 0;
        for (int k = t - n + 1; k <= t; k++) {
            mean += s.logReturn(k);
        }
        mean /= n;
        double ss = 0;
        for (int k = t - n + 1; k <= t; k++) {
            double d = s.logReturn(k) - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (n - 1)) * SQRT_252 * 100;
    }

    static double efficiencyRatio(RegimeSeries s, int t, int n) {
        if (t < n) {
            return Double.NaN;
        }
        double path = 0;
        for (int k = t - n + 1; k <= t; k++) {
            path += Math.abs(s.close(k) - s.close(k - 1));
        }
        return path == 0 ? 0 : Math.abs(s.close(t) - s.close(t - n)) / path;
    }
}
