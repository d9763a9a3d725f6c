package org.leverdesk.ui.backtest;

import java.util.Arrays;

/**
 * Indicator lines drawn on the price chart, computed from closes with the same formulas the
 * strategies use: simple moving average, the lower Bollinger band (SMA − k·population σ), and RSI
 * with Wilder smoothing as ta4j computes it (see strategy.meanreversion.CachedRsi). NaN while warming up.
 */
final class Indicators {
    private Indicators() {
    }

    /** Mean of the last {@code period} closes at each bar. */
    static double[] sma(double[] close, int period) {
        double[] out = new double[close.length];
        Arrays.fill(out, Double.NaN);
        double sum = 0;
        for (int i = 0; i < close.length; i++) {
            sum += close[i];
            if (i >= period) {
                sum -= close[i - period];
            }
            if (i >= period - 1) {
                out[i] = sum / period;
            }
        }
        return out;
    }

    /** SMA − k × the population standard deviation of the last {@code period} closes. */
    static double[] lowerBollinger(double[] close, int period, double k) {
        double[] mean = sma(close, period);
        double[] out = new double[close.length];
        Arrays.fill(out, Double.NaN);
        for (int i = period - 1; i < close.length; i++) {
            double ss = 0;
            for (int j = i - period + 1; j <= i; j++) {
                double d = close[j] - mean[i];
                ss += d * d;
            }
            out[i] = mean[i] - k * Math.sqrt(ss / period);
        }
        return out;
    }

    /**
     * RSI with Wilder smoothing: NaN for bars 0..period-1; at bar {@code period} the averages are
     * that bar's own gain and loss, then avg = prev + (x − prev) / period; 100 when only gains, 0 when neither.
     */
    static double[] rsi(double[] close, int period) {
        double[] out = new double[close.length];
        Arrays.fill(out, Double.NaN);
        double avgGain = 0;
        double avgLoss = 0;
        for (int i = period; i < close.length; i++) {
            double change = close[i] - close[i - 1];
            double gain = Math.max(change, 0);
            double loss = Math.max(-change, 0);
            if (i == period) {
                avgGain = gain;
                avgLoss = loss;
            } else {
                avgGain += (gain - avgGain) / period;
                avgLoss += (loss - avgLoss) / period;
            }
            out[i] = avgLoss == 0 ? (avgGain == 0 ? 0 : 100) : 100 - 100 / (1 + avgGain / avgLoss);
        }
        return out;
    }
}
