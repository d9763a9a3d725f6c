package org.leverdesk.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

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
 * @param limits                the risk engine's limits (order and position value, orders a day, price band, daily loss)
 */
public record RiskSettings(double tolerancePercent, double minTradeValue, double limitOffsetPercent,
                           int maxRequestsPerMinute, int maxQuoteAgeSeconds, int maxPriceAgeSessions,
                           int maxClockSkewSeconds, ExternalPositions externalPositions, RiskLimits limits) {
    /** The default largest broker clock skew, in seconds. */
    public static final int DEFAULT_MAX_CLOCK_SKEW_SECONDS = 120;

    public RiskSettings {
        // Settings files written before these settings existed read them as 0 and null.
        maxClockSkewSeconds = maxClockSkewSeconds == 0 ? DEFAULT_MAX_CLOCK_SKEW_SECONDS : maxClockSkewSeconds;
        externalPositions = externalPositions == null ? ExternalPositions.IGNORE : externalPositions;
        limits = limits == null ? RiskLimits.defaults() : limits;
    }

    /** With the default {@link RiskLimits}. */
    public RiskSettings(double tolerancePercent, double minTradeValue, double limitOffsetPercent, int maxRequestsPerMinute,
                        int maxQuoteAgeSeconds, int maxPriceAgeSessions, int maxClockSkewSeconds,
                        ExternalPositions externalPositions) {
        this(tolerancePercent, minTradeValue, limitOffsetPercent, maxRequestsPerMinute, maxQuoteAgeSeconds,
                maxPriceAgeSessions, maxClockSkewSeconds, externalPositions, RiskLimits.defaults());
    }

    /** With the default clock skew limit, IGNORE for external positions and the default {@link RiskLimits}. */
    public RiskSettings(double tolerancePercent, double minTradeValue, double limitOffsetPercent, int maxRequestsPerMinute,
                        int maxQuoteAgeSeconds, int maxPriceAgeSessions) {
        this(tolerancePercent, minTradeValue, limitOffsetPercent, maxRequestsPerMinute, maxQuoteAgeSeconds,
                maxPriceAgeSessions, DEFAULT_MAX_CLOCK_SKEW_SECONDS, ExternalPositions.IGNORE, RiskLimits.defaults());
    }

    public static RiskSettings defaults() {
        return new RiskSettings(2.0, 100.0, 0.5, 190, 900, 0);
    }

    /** A copy with other limits. */
    public RiskSettings withLimits(RiskLimits next) {
        return new RiskSettings(tolerancePercent, minTradeValue, limitOffsetPercent, maxRequestsPerMinute, maxQuoteAgeSeconds,
                maxPriceAgeSessions, maxClockSkewSeconds, externalPositions, next);
    }

    /** Reads the settings from the config file: a partial "risk" object keeps the defaults of what it leaves out. */
    @JsonCreator
    static RiskSettings fromJson(@JsonProperty("tolerancePercent") Double tolerancePercent,
                                 @JsonProperty("minTradeValue") Double minTradeValue,
                                 @JsonProperty("limitOffsetPercent") Double limitOffsetPercent,
                                 @JsonProperty("maxRequestsPerMinute") Integer maxRequestsPerMinute,
                                 @JsonProperty("maxQuoteAgeSeconds") Integer maxQuoteAgeSeconds,
                                 @JsonProperty("maxPriceAgeSessions") Integer maxPriceAgeSessions,
                                 @JsonProperty("maxClockSkewSeconds") Integer maxClockSkewSeconds,
                                 @JsonProperty("externalPositions") ExternalPositions externalPositions,
                                 @JsonProperty("limits") RiskLimits limits) {
        RiskSettings d = defaults();
        return new RiskSettings(tolerancePercent == null ? d.tolerancePercent : tolerancePercent,
                minTradeValue == null ? d.minTradeValue : minTradeValue,
                limitOffsetPercent == null ? d.limitOffsetPercent : limitOffsetPercent,
                maxRequestsPerMinute == null ? d.maxRequestsPerMinute : maxRequestsPerMinute,
                maxQuoteAgeSeconds == null ? d.maxQuoteAgeSeconds : maxQuoteAgeSeconds,
                maxPriceAgeSessions == null ? d.maxPriceAgeSessions : maxPriceAgeSessions,
                maxClockSkewSeconds == null ? 0 : maxClockSkewSeconds, externalPositions, limits);
    }
}
