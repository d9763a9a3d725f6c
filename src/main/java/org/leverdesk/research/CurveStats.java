package org.leverdesk.research;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Headline figures of a daily equity curve built by research (a stitched walk-forward curve), with the
 * README's metric formulas: total return E_last / E_first − 1; CAGR (E_last / E_first)^(365.25 / calendar
 * days) − 1; Sharpe mean(r) / stdev(r, n − 1) · sqrt(252) of the daily returns (no risk-free rate);
 * max drawdown min_t E_t / max(E_0..E_t) − 1. NaN where undefined.
 */
public record CurveStats(double totalReturn, double cagr, double sharpe, double maxDrawdown) {

    public static CurveStats of(LocalDate[] dates, double[] equity) {
        int n = equity.length;
        if (n == 0) {
            return new CurveStats(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double growth = equity[n - 1] / equity[0];
        long days = ChronoUnit.DAYS.between(dates[0], dates[n - 1]);
        double cagr = days > 0 ? Math.pow(growth, 365.25 / days) - 1 : Double.NaN;
        double sum = 0;
        for (int t = 1; t < n; t++) {
            sum += equity[t] / equity[t - 1] - 1;
        }
        double mean = n > 1 ? sum / (n - 1) : Double.NaN;
        double sq = 0;
        for (int t = 1; t < n; t++) {
            double d = equity[t] / equity[t - 1] - 1 - mean;
            sq += d * d;
        }
        double sd = n > 2 ? Math.sqrt(sq / (n - 2)) : Double.NaN;
        double sharpe = sd > 0 ? mean / sd * Math.sqrt(252) : Double.NaN;
        double peak = equity[0];
        double worst = 0;
        for (double e : equity) {
            peak = Math.max(peak, e);
            worst = Math.min(worst, e / peak - 1);
        }
        return new CurveStats(growth - 1, cagr, sharpe, worst);
    }
}
