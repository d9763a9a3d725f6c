package org.leverdesk.research;

import java.util.Map;
import org.leverdesk.strategy.catalog.ParameterSets;
import org.leverdesk.strategy.catalog.StrategyCatalog;

/**
 * Checks a strategy's full parameter set before anything runs (the strategy's own validation), so an
 * invalid combination is skipped with its reason instead of failing a run halfway through a sweep.
 */
@FunctionalInterface
public interface ParameterCheck {
    /** Accepts everything; the engine still rejects invalid parameters when a run starts. */
    ParameterCheck NONE = (strategyId, parameters) -> { };

    /** @throws IllegalArgumentException with a one-line reason when {@code parameters} are invalid */
    void check(String strategyId, Map<String, String> parameters);

    /** The checks of the strategies in {@code catalog}: known names, valid values, valid combinations. */
    static ParameterCheck of(StrategyCatalog catalog) {
        return (strategyId, parameters) -> ParameterSets.canonical(catalog.require(strategyId), parameters);
    }
}
