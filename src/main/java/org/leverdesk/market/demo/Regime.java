package org.leverdesk.market.demo;

/**
 * The hidden state of the demo market. Each regime sets QQQ's expected annual return and
 * volatility, the level VIX reverts to, how busy trading is, and the daily chance of switching.
 *
 * <p>The transition rows were tuned by simulating 400 seeds over 26 years: the market spends about
 * 70% of days calm, 22% choppy and 7% in a bear; annual volatility comes out at 18–27%, every seed
 * has a drawdown worse than -30% (median worst -65%, like QQQ's 2000–2002), and the median
 * compound growth is about +7%/yr.
 */
enum Regime {
    /** Calm bull: mean length about 330 trading days. */
    CALM(0.18, 0.16, 14.0, 1.0, new double[] {0.9970, 0.0024, 0.0006}),
    /** Sideways and nervous: mean length about 90 trading days. */
    CHOPPY(0.00, 0.24, 22.0, 1.25, new double[] {0.0080, 0.9890, 0.0030}),
    /** Crash or bear market: mean length about 67 trading days at -45%/yr with 45% volatility. */
    BEAR(-0.45, 0.45, 40.0, 1.7, new double[] {0.0030, 0.0120, 0.9850});

    /** Expected simple return per year (arithmetic). */
    final double annualDrift;
    /** Annualised volatility of daily log returns. */
    final double annualVol;
    /** The VIX level the index reverts to in this regime. */
    final double vixLevel;
    /** Multiplies the typical daily volume. */
    final double volumeFactor;
    /** Daily probability of moving to CALM, CHOPPY, BEAR (sums to 1). */
    private final double[] next;

    Regime(double annualDrift, double annualVol, double vixLevel, double volumeFactor, double[] next) {
        this.annualDrift = annualDrift;
        this.annualVol = annualVol;
        this.vixLevel = vixLevel;
        this.volumeFactor = volumeFactor;
        this.next = next;
    }

    /** Volatility of one day's log return. */
    double dailyVol() {
        return annualVol / Math.sqrt(DemoMarketGenerator.DAYS_PER_YEAR);
    }

    /** Mean of one day's log return, so that the expected simple return matches {@link #annualDrift}. */
    double dailyLogDrift() {
        return (annualDrift - 0.5 * annualVol * annualVol) / DemoMarketGenerator.DAYS_PER_YEAR;
    }

    /** The regime of the next day, given a uniform draw {@code u} in [0, 1). */
    Regime next(double u) {
        double cumulative = 0;
        Regime[] all = values();
        for (int i = 0; i < all.length - 1; i++) {
            cumulative += next[i];
            if (u < cumulative) {
                return all[i];
            }
        }
        return all[all.length - 1];
    }
}
