package org.leverdesk.schedule;

import java.util.Objects;

/**
 * A configured job: which strategy, the job's name within it (e.g. "run", "exits") and its trigger.
 *
 * @param strategyId the strategy's catalog id
 * @param name       the job's name, unique within the strategy
 * @param trigger    when it runs
 */
public record JobDefinition(String strategyId, String name, Trigger trigger) {
    public JobDefinition {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trigger, "trigger");
    }

    /** The key its runs are recorded under: {@code strategy/job}. */
    public String key() {
        return strategyId + "/" + name;
    }
}
