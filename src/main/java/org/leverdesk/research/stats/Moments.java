package org.leverdesk.research.stats;

/**
 * Sample moments of a return series as the deflated Sharpe ratio uses them: mean, standard
 * deviation (n − 1), and the population skewness m3 / m2^1.5 and (non-excess) kurtosis m4 / m2²,
 * where mk = Σ(x − mean)^k / n. A normal distribution has skewness 0 and kurtosis 3.
 */
public record Moments(int n, double mean, double stdev, double skewness, double kurtosis) {

    /** The moments of {@code x}; NaN where undefined (fewer than 2 values, or no variation). */
    public static Moments of(double[] x) {
        int n = x.length;
        if (n == 0) {
            return new Moments(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = v - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        double stdev = n > 1 ? Math.sqrt(m2 / (n - 1)) : Double.NaN;
        m2 /= n;
        m3 /= n;
        m4 /= n;
        double skew = m2 > 0 ? m3 / Math.pow(m2, 1.5) : Double.NaN;
        double kurt = m2 > 0 ? m4 / (m2 * m2) : Double.NaN;
        return new Moments(n, mean, stdev, skew, kurt);
    }

    /** The per-period Sharpe ratio mean / stdev (no annualisation); NaN when the stdev is 0 or undefined. */
    public double sharpe() {
        return stdev > 0 ? mean / stdev : Double.NaN;
    }
}
