package org.leverdesk.strategy.catalog;

import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One saved parameter set of a strategy.
 *
 * @param id         store-wide id (what backtest runs reference)
 * @param number     1, 2, 3… within the strategy
 * @param parentId   the version it was derived from; null for the first (defaults) version
 * @param createdBy  who or what created it: "defaults", "user", "backtest", "cli", "research"
 * @param parameters every parameter of the strategy in canonical text, sorted by name
 */
public record StrategyVersion(long id, String strategyId, int number, Long parentId, String createdBy, Instant createdAt,
                              SortedMap<String, String> parameters, boolean active) {
    public StrategyVersion {
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    }
}
