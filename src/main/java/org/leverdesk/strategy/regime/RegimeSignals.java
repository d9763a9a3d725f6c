package org.leverdesk.strategy.regime;

/**
 * The signal values of one day (NaN where history is too short): rates of change, close vs the short
 * SMA, the momentum score and its scale, realized volatility with its band and scale, overextension
 * above the fast SMA, the fast SMA's slope, the efficiency ratio, and trend strength above the slow SMA.
 */
public record RegimeSignals(double rocShort, double rocMid, double rocLong, double smaShort, double momentumScore,
                            double momentumScale, double realizedVol, VolBand volBand, double volScale,
                            double overextension, double fastSlope, double efficiencyRatio, double trendStrength) {
}
