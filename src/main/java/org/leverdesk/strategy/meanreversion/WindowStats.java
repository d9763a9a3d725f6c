package org.leverdesk.strategy.meanreversion;

import org.leverdesk.domain.History;

/**
 * Rolling statistics of the last {@code days} visible bars ending at the newest one, each O(days).
 * NaN when fewer than {@code days} bars are visible (or, for the VWAP, when they traded no volume).
 */
final class WindowStats {
    private WindowStats() {
    }

    /** Simple moving average of the closes. */
    static double sma(History h, int days) {
        if (h.size() < days) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = h.lastIndex() - days + 1; i <= h.lastIndex(); i++) {
            sum += h.close(i);
        }
        return sum / days;
    }

    /** Population standard deviation of the closes (divides by {@code days}, as Bollinger bands do). */
    static double populationStdDev(History h, int days) {
        double mean = sma(h, days);
        if (Double.isNaN(mean)) {
            return Double.NaN;
        }
        double sq = 0;
        for (int i = h.lastIndex() - days + 1; i <= h.lastIndex(); i++) {
            double d = h.close(i) - mean;
            sq += d * d;
        }
        return Math.sqrt(sq / days);
    }

    /** Lower Bollinger band: SMA − k·σ of the closes. */
    static double bollingerLower(History h, int days, double k) {
        return sma(h, days) - k * populationStdDev(h, days);
    }

    /** Volume-weighted average of the typical price (high + low + close) / 3 of daily bars. */
    static double vwap(History h, int days) {
        if (h.size() < days) {
            return Double.NaN;
        }
        double pv = 0;
        double v = 0;
        for (int i = h.lastIndex() - days + 1; i <= h.lastIndex(); i++) {
            double typical = (h.high(i) + h.low(i) + h.close(i)) / 3;
            pv += typical * h.volume(i);
            v += h.volume(i);
        }
        return v > 0 ? pv / v : Double.NaN;
    }
}
