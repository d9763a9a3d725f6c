package org.leverdesk.config;

/**
 * Account-level order planning and risk limits.
 *
 * @param tolerancePercent      deltas smaller than this percentage of the target are not traded (seed 004: 2%)
 * @param minTradeValue         orders worth less than this many dollars are not sent
 * @param limitOffsetPercent    limit orders are priced this far from the mid (seed 002: 0.5%)
 * @param maxRequestsPerMinute  client-side rate limit for broker calls (Alpaca allows 200/min)
 * @param maxQuoteAgeSeconds    a quote older than this is stale and blocks the trade
 * @param maxPriceAgeSessions   daily prices may end this many sessions before the last completed one
 *                              (0, the default: they must include it) before a run refuses to trade on them
 */
public record RiskSettings(double tolerancePercent, double minTradeValue, double limitOffsetPercent,
                           int maxRequestsPerMinute, int maxQuoteAgeSeconds, int maxPriceAgeSessions) {
    public static RiskSettings defaults() {
        return new RiskSettings(2.0, 100.0, 0.5, 190, 900, 0);
    }
}
