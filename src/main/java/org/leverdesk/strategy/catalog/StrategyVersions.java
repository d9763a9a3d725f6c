package org.leverdesk.strategy.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The version history of strategy parameters (a port: the store implements it, the UI and CLI use
 * it). Every strategy has at least its defaults as version 1, created on first use; exactly one
 * version per strategy is active. Nothing invalid is saved: parameters are checked by the strategy's
 * factory first.
 */
public interface StrategyVersions {
    /** The strategies whose versions are kept, in display order. */
    List<StrategyDescriptor> strategies();

    /**
     * Checks {@code parameters} (missing ones take defaults) without touching the store, so a UI may
     * call it on every keystroke; throws IllegalArgumentException with a one-line reason.
     */
    void validate(String strategyId, Map<String, String> parameters);

    /** Versions of {@code strategyId}, newest first (never empty). */
    List<StrategyVersion> list(String strategyId);

    /** Version {@code id}, or empty when there is none. */
    Optional<StrategyVersion> get(long id);

    /** The active version of {@code strategyId}. */
    StrategyVersion active(String strategyId);

    /**
     * Saves {@code parameters} as a new version derived from {@code parentId} (null: from the active
     * version) — unless a version with the same canonical parameters exists, which is then returned.
     */
    StrategyVersion save(String strategyId, Map<String, String> parameters, Long parentId, String createdBy);

    /** Makes version {@code id} the active one of its strategy (and no other); returns it. */
    StrategyVersion activate(long id);

    /** Parameters that differ from version {@code a} to version {@code b}, by name. */
    List<ParameterChange> diff(long a, long b);
}
