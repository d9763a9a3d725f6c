package org.leverdesk.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The risk engine's account limits (issue 13, item 8). A value of 0 switches a limit off. Kept in the
 * config, validated with it, and enforced by the decision cycle after the trading-state gate
 * ({@code execution.RiskLimitCheck}); every denial is a "risk-denied" journal entry with its reason.
 *
 * @param maxOrderValue            the most dollars one order may be worth (quantity x price)
 * @param maxPositionValue         the most dollars one symbol's position may be worth after an order
 * @param maxOrdersPerDay          the most orders the account sends per trading day
 * @param priceBandPercent         an order priced more than this percentage away from the symbol's last
 *                                 close is denied (a fat finger or a broken quote)
 * @param dailyLossReducingPercent a loss of this percentage of the previous close's equity within one
 *                                 day moves trading to REDUCING (only position-reducing orders pass)
 * @param dailyLossHaltPercent     a loss of this percentage moves trading to HALTED
 */
public record RiskLimits(double maxOrderValue, double maxPositionValue, int maxOrdersPerDay, double priceBandPercent,
                         double dailyLossReducingPercent, double dailyLossHaltPercent) {
    /**
     * Per-order and per-symbol value off, 20 orders a day, a 10% price band, REDUCING at a 15% and HALTED at a
     * 25% daily loss of the account (a 3x ETF held in full moves 15% on a 5% day of its index: rare, and then
     * a person should look).
     */
    public static RiskLimits defaults() {
        return new RiskLimits(0, 0, 20, 10, 15, 25);
    }

    /** Every limit off: backtests and the parity replay model the strategy, not the account's operating limits. */
    public static RiskLimits none() {
        return new RiskLimits(0, 0, 0, 0, 0, 0);
    }

    /** True when at least one limit is on. */
    public boolean any() {
        return maxOrderValue > 0 || maxPositionValue > 0 || maxOrdersPerDay > 0 || priceBandPercent > 0
                || dailyLossReducingPercent > 0 || dailyLossHaltPercent > 0;
    }

    /** Reads the limits from the config file: each missing value takes its default, never 0. */
    @JsonCreator
    static RiskLimits fromJson(@JsonProperty("maxOrderValue") Double maxOrderValue,
                               @JsonProperty("maxPositionValue") Double maxPositionValue,
                               @JsonProperty("maxOrdersPerDay") Integer maxOrdersPerDay,
                               @JsonProperty("priceBandPercent") Double priceBandPercent,
                               @JsonProperty("dailyLossReducingPercent") Double dailyLossReducingPercent,
                               @JsonProperty("dailyLossHaltPercent") Double dailyLossHaltPercent) {
        RiskLimits d = defaults();
        return new RiskLimits(or(maxOrderValue, d.maxOrderValue), or(maxPositionValue, d.maxPositionValue),
                maxOrdersPerDay == null ? d.maxOrdersPerDay : maxOrdersPerDay, or(priceBandPercent, d.priceBandPercent),
                or(dailyLossReducingPercent, d.dailyLossReducingPercent), or(dailyLossHaltPercent, d.dailyLossHaltPercent));
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
