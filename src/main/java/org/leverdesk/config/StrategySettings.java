package org.leverdesk.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.leverdesk.schedule.JobDefinition;
import org.leverdesk.schedule.ScheduleDefaults;

/**
 * One strategy's live settings.
 *
 * @param strategyId   the catalog id (e.g. "regime", "rsi2", "monthly-rebalance", "rotation")
 * @param enabled      whether the scheduler and {@code leverdesk run} trade it
 * @param capitalShare the fraction (0..1] of account equity this strategy may use (capital isolation);
 *                     NaN when the file leaves it out, which the validator reports as missing
 * @param parameters   its parameters as text, in the form the strategy catalog parses and versions
 * @param schedule     its job schedule in the scheduler's notation; null means the strategy's default
 */
public record StrategySettings(String strategyId, boolean enabled, double capitalShare, Map<String, String> parameters,
                               String schedule) {
    public StrategySettings {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** Reads a strategy from the config file: a missing share is NaN (reported), not 0 or a default. */
    @JsonCreator
    static StrategySettings fromJson(@JsonProperty("strategyId") String strategyId, @JsonProperty("enabled") Boolean enabled,
                                     @JsonProperty("capitalShare") Double capitalShare,
                                     @JsonProperty("parameters") Map<String, String> parameters,
                                     @JsonProperty("schedule") String schedule) {
        return new StrategySettings(strategyId, enabled != null && enabled, capitalShare == null ? Double.NaN : capitalShare,
                parameters, schedule);
    }

    /** Its scheduled jobs: its own schedule, else its default (a one-line error when it has neither). */
    public List<JobDefinition> jobs() {
        return ScheduleDefaults.jobsOf(strategyId, schedule, parameters);
    }
}
