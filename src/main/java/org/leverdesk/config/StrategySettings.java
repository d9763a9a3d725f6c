package org.leverdesk.config;

import java.util.Map;

/**
 * One strategy's live settings.
 *
 * @param strategyId   the catalog id (e.g. "regime", "rsi2", "monthly-rebalance", "rotation")
 * @param enabled      whether the scheduler and {@code leverdesk run} trade it
 * @param capitalShare the fraction (0..1] of account equity this strategy may use (capital isolation)
 * @param parameters   its parameters as text, in the form the strategy catalog parses and versions
 * @param schedule     its job schedule in the scheduler's notation; null means the strategy's default
 */
public record StrategySettings(String strategyId, boolean enabled, double capitalShare, Map<String, String> parameters,
                               String schedule) {
    public StrategySettings {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
