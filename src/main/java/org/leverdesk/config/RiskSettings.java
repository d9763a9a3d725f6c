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
 * @param limits                the risk engine's limits (order and position value, orders a day, price band, daily loss)
 */
public record RiskSettings(double tolerancePercent, double minTradeValue, double limitOffsetPercent,
                           int maxRequestsPerMinute, int maxQuoteAgeSeconds, int maxPriceAgeSessions, RiskLimits limits) {
    public RiskSettings {
        limits = limits == null ? RiskLimits.defaults() : limits;
    }

    /** The planning settings with the default {@link RiskLimits}. */
    public RiskSettings(double tolerancePercent, double minTradeValue, double limitOffsetPercent, int maxRequestsPerMinute,
                        int maxQuoteAgeSeconds, int maxPriceAgeSessions) {
        this(tolerancePercent, minTradeValue, limitOffsetPercent, maxRequestsPerMinute, maxQuoteAgeSeconds,
                maxPriceAgeSessions, RiskLimits.defaults());
    }

    public static RiskSettings defaults() {
        return new RiskSettings(2.0, 100.0, 0.5, 190, 900, 0, RiskLimits.defaults());
    }

    /** A copy with other limits. */
    public RiskSettings withLimits(RiskLimits next) {
        return new RiskSettings(tolerancePercent, minTradeValue, limitOffsetPercent, maxRequestsPerMinute, maxQuoteAgeSeconds,
                maxPriceAgeSessions, next);
    }

    /** Reads the settings from the config file: a partial "risk" object keeps the defaults of what it leaves out. */
    @JsonCreator
    static RiskSettings fromJson(@JsonProperty("tolerancePercent") Double tolerancePercent,
                                 @JsonProperty("minTradeValue") Double minTradeValue,
                                 @JsonProperty("limitOffsetPercent") Double limitOffsetPercent,
                                 @JsonProperty("maxRequestsPerMinute") Integer maxRequestsPerMinute,
                                 @JsonProperty("maxQuoteAgeSeconds") Integer maxQuoteAgeSeconds,
                                 @JsonProperty("maxPriceAgeSessions") Integer maxPriceAgeSessions,
                                 @JsonProperty("limits") RiskLimits limits) {
        RiskSettings d = defaults();
        return new RiskSettings(tolerancePercent == null ? d.tolerancePercent : tolerancePercent,
                minTradeValue == null ? d.minTradeValue : minTradeValue,
                limitOffsetPercent == null ? d.limitOffsetPercent : limitOffsetPercent,
                maxRequestsPerMinute == null ? d.maxRequestsPerMinute : maxRequestsPerMinute,
                maxQuoteAgeSeconds == null ? d.maxQuoteAgeSeconds : maxQuoteAgeSeconds,
                maxPriceAgeSessions == null ? d.maxPriceAgeSessions : maxPriceAgeSessions, limits);
    }
}
