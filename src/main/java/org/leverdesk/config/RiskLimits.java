package org.leverdesk.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The risk engine's account limits (issue 13, item 8). A value of 0 switches a limit off. Kept in the
 * config and validated with it; enforcing them in the risk gate is not built yet (the gate enforces the
 * ACTIVE/REDUCING/HALTED state only), as the README's "Unattended operation" section says.
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
    /** Per-order and per-symbol value off, 20 orders a day, a 10% price band, REDUCING at a 5% and HALTED at a 10% daily loss. */
    public static RiskLimits defaults() {
        return new RiskLimits(0, 0, 20, 10, 5, 10);
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
