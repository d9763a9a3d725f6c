package org.leverdesk.backtest.metrics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Computes {@link Metrics} from a daily equity series E (one value per trading day, at the close)
 * and its simple returns r_t = E_t / E_{t-1} - 1. The formulas (also in the README):
 * <ul>
 * <li>total_return = E_last / E_first - 1</li>
 * <li>cagr = (E_last / E_first)^(365.25 / calendar days first..last) - 1</li>
 * <li>annual_volatility = stdev(r, n-1) * sqrt(252)</li>
 * <li>sharpe = mean(r - rf/252) / stdev(r, n-1) * sqrt(252)</li>
 * <li>sortino = mean(r - rf/252) / sqrt(mean(min(r - rf/252, 0)^2)) * sqrt(252)</li>
 * <li>max_drawdown = min_t E_t / max(E_0..E_t) - 1, with its peak and trough dates</li>
 * <li>calmar = cagr / |max_drawdown|</li>
 * <li>trades = number of fills; win_rate, profit_factor, avg_win, avg_loss over closed round trips</li>
 * <li>exposure = share of days that end with a position</li>
 * </ul>
 * Undefined values (a ratio with a zero denominator, trade statistics without round trips) are NaN.
 */
public final class MetricsCalculator {
    private static final double TRADING_DAYS = 252.0;
    private final double riskFreeRate;

    /** @param riskFreeRate annual risk-free rate as a fraction (0.04 = 4%), used by Sharpe and Sortino */
    public MetricsCalculator(double riskFreeRate) {
        if (!Double.isFinite(riskFreeRate) || riskFreeRate < -1 || riskFreeRate > 1) {
            throw new IllegalArgumentException("risk-free rate must be a fraction between -1 and 1 (got " + riskFreeRate + ")");
        }
        this.riskFreeRate = riskFreeRate;
    }

    public MetricsCalculator() {
        this(0.0);
    }

    /**
     * @param dates      trading days, ascending, same length as equity
     * @param equity     account value at each day's close
     * @param invested   true where the day ended with a position (for exposure); may be null (then 1)
     * @param fills      number of fills
     * @param tripProfits net profit of each closed round trip
     */
    public Metrics compute(LocalDate[] dates, double[] equity, boolean[] invested, int fills, double[] tripProfits) {
        int n = equity.length;
        if (n == 0 || dates.length != n) {
            throw new IllegalArgumentException("need one equity value per date (got " + n + " values, " + dates.length + " dates)");
        }
        double first = equity[0];
        double last = equity[n - 1];
        double totalReturn = last / first - 1;
        long days = ChronoUnit.DAYS.between(dates[0], dates[n - 1]);
        double cagr = days > 0 ? Math.pow(last / first, 365.25 / days) - 1 : Double.NaN;

        double rfDaily = riskFreeRate / TRADING_DAYS;
        double sum = 0;
        double sumExcess = 0;
        double downSq = 0;
        int m = n - 1;
        for (int t = 1; t < n; t++) {
            double r = equity[t] / equity[t - 1] - 1;
            sum += r;
            double ex = r - rfDaily;
            sumExcess += ex;
            if (ex < 0) {
                downSq += ex * ex;
            }
        }
        double mean = m > 0 ? sum / m : Double.NaN;
        double var = 0;
        for (int t = 1; t < n; t++) {
            double d = equity[t] / equity[t - 1] - 1 - mean;
            var += d * d;
        }
        double stdev = m > 1 ? Math.sqrt(var / (m - 1)) : Double.NaN;
        double meanExcess = m > 0 ? sumExcess / m : Double.NaN;
        double annualVol = stdev * Math.sqrt(TRADING_DAYS);
        double sharpe = stdev > 0 ? meanExcess / stdev * Math.sqrt(TRADING_DAYS) : Double.NaN;
        double downside = m > 0 ? Math.sqrt(downSq / m) : Double.NaN;
        double sortino = downside > 0 ? meanExcess / downside * Math.sqrt(TRADING_DAYS) : Double.NaN;

        double peak = equity[0];
        int peakIdx = 0;
        double mdd = 0;
        int mddPeak = 0;
        int mddTrough = 0;
        for (int t = 0; t < n; t++) {
            if (equity[t] > peak) {
                peak = equity[t];
                peakIdx = t;
            }
            double dd = equity[t] / peak - 1;
            if (dd < mdd) {
                mdd = dd;
                mddPeak = peakIdx;
                mddTrough = t;
            }
        }
        double calmar = mdd < 0 ? cagr / Math.abs(mdd) : Double.NaN;

        int exposed = 0;
        for (int t = 0; t < n; t++) {
            if (invested == null || invested[t]) {
                exposed++;
            }
        }

        int wins = 0;
        int losses = 0;
        double grossWin = 0;
        double grossLoss = 0;
        for (double profit : tripProfits) {
            if (profit > 0) {
                wins++;
                grossWin += profit;
            } else {
                losses++;
                grossLoss += profit;
            }
        }
        int closed = wins + losses;
        double winRate = closed > 0 ? (double) wins / closed : Double.NaN;
        double profitFactor = closed == 0 ? Double.NaN : grossLoss < 0 ? grossWin / -grossLoss : Double.POSITIVE_INFINITY;
        double avgWin = wins > 0 ? grossWin / wins : Double.NaN;
        double avgLoss = losses > 0 ? grossLoss / losses : Double.NaN;

        return new Metrics(totalReturn, cagr, annualVol, sharpe, sortino, mdd,
                mdd < 0 ? dates[mddPeak] : null, mdd < 0 ? dates[mddTrough] : null, calmar,
                fills, winRate, profitFactor, avgWin, avgLoss, (double) exposed / n, last);
    }
}
