package org.leverdesk.research.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The deflated Sharpe ratio of Bailey and López de Prado (2014, "The Deflated Sharpe Ratio:
 * Correcting for Selection Bias, Backtest Overfitting and Non-Normality"): the probability that the
 * true Sharpe ratio of the selected strategy is above the best Sharpe ratio expected from N trials of
 * strategies with no skill.
 *
 * <pre>
 * SR0 = sqrt(V) · [(1 − γ) · Φ⁻¹(1 − 1/N) + γ · Φ⁻¹(1 − 1/(N·e))]
 * DSR = Φ[(SR − SR0) · sqrt(T − 1) / sqrt(1 − γ3·SR + (γ4 − 1)/4 · SR²)]
 * </pre>
 *
 * SR is the selected trial's Sharpe ratio <em>per period</em> (daily, not annualised), V the variance
 * of the N trials' per-period Sharpe ratios, T the number of returns, γ3 and γ4 the skewness and
 * (non-excess) kurtosis of the selected trial's returns, γ the Euler–Mascheroni constant. With a single
 * trial SR0 is 0 (nothing was selected) and DSR is the probabilistic Sharpe ratio against 0.
 *
 * @param sr0 the per-period Sharpe ratio a best-of-N selection reaches by luck
 * @param dsr the probability in [0, 1]; NaN when the inputs leave it undefined
 */
public record DeflatedSharpe(double sr, double sr0, int trials, int observations, double variance, double skewness,
                             double kurtosis, double dsr) {
    /** Euler–Mascheroni constant γ. */
    public static final double EULER_GAMMA = 0.5772156649015329;
    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    /** DSR from per-period inputs. */
    public static DeflatedSharpe of(double srPerPeriod, int trials, int observations, double srVariancePerPeriod,
                                    double skewness, double kurtosis) {
        if (trials < 1) {
            throw new IllegalArgumentException("the deflated Sharpe ratio needs at least one trial");
        }
        double sr0 = expectedMaximum(trials, srVariancePerPeriod);
        double denominator = 1 - skewness * srPerPeriod + (kurtosis - 1) / 4 * srPerPeriod * srPerPeriod;
        double dsr = observations < 2 || !(denominator > 0) || !Double.isFinite(srPerPeriod + sr0)
                ? Double.NaN
                : NORMAL.cumulativeProbability((srPerPeriod - sr0) * Math.sqrt(observations - 1.0) / Math.sqrt(denominator));
        return new DeflatedSharpe(srPerPeriod, sr0, trials, observations, srVariancePerPeriod, skewness, kurtosis, dsr);
    }

    /**
     * DSR from annualised inputs, as papers quote them: SR and V are de-annualised with
     * {@code periodsPerYear} (SR / sqrt(p), V / p) before the formula is applied.
     */
    public static DeflatedSharpe annualised(double srAnnual, int trials, int observations, double srVarianceAnnual,
                                            double skewness, double kurtosis, double periodsPerYear) {
        return of(srAnnual / Math.sqrt(periodsPerYear), trials, observations, srVarianceAnnual / periodsPerYear,
                skewness, kurtosis);
    }

    /** SR0: the expected maximum of {@code trials} Sharpe ratios of variance {@code variance} around 0. */
    public static double expectedMaximum(int trials, double variance) {
        if (trials < 2 || !(variance > 0)) {
            return 0;
        }
        double n = trials;
        return Math.sqrt(variance) * ((1 - EULER_GAMMA) * NORMAL.inverseCumulativeProbability(1 - 1 / n)
                + EULER_GAMMA * NORMAL.inverseCumulativeProbability(1 - 1 / (n * Math.E)));
    }
}
