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
 * @param maxClockSkewSeconds   the broker's clock may differ from this machine's by this much before orders
 *                              are blocked (0 or absent in a settings file: the default, 120)
 * @param externalPositions     what to do with shares no Leverdesk order explains (absent: IGNORE)
 */
public record RiskSettings(double tolerancePercent, double minTradeValue, double limitOffsetPercent,
                           int maxRequestsPerMinute, int maxQuoteAgeSeconds, int maxPriceAgeSessions,
                           int maxClockSkewSeconds, ExternalPositions externalPositions) {
    /** The default largest broker clock skew, in seconds. */
    public static final int DEFAULT_MAX_CLOCK_SKEW_SECONDS = 120;

    public RiskSettings {
        // Settings files written before these two settings existed read them as 0 and null.
        maxClockSkewSeconds = maxClockSkewSeconds == 0 ? DEFAULT_MAX_CLOCK_SKEW_SECONDS : maxClockSkewSeconds;
        externalPositions = externalPositions == null ? ExternalPositions.IGNORE : externalPositions;
    }

    /** With the default clock skew limit and IGNORE for external positions. */
    public RiskSettings(double tolerancePercent, double minTradeValue, double limitOffsetPercent, int maxRequestsPerMinute,
                        int maxQuoteAgeSeconds, int maxPriceAgeSessions) {
        this(tolerancePercent, minTradeValue, limitOffsetPercent, maxRequestsPerMinute, maxQuoteAgeSeconds,
                maxPriceAgeSessions, DEFAULT_MAX_CLOCK_SKEW_SECONDS, ExternalPositions.IGNORE);
    }

    public static RiskSettings defaults() {
        return new RiskSettings(2.0, 100.0, 0.5, 190, 900, 0);
    }
}
