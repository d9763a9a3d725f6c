package org.leverdesk.ui.orders;

import org.leverdesk.emergency.EmergencyScope;

/**
 * What closing one strategy closes (its shares and its own part of its option contracts), as
 * {@code leverdesk force-exit --strategy S} computes it from the config: the composition root binds the builder that
 * command uses, so the window's "Close strategy…" and the CLI close the same things.
 */
@FunctionalInterface
public interface StrategyScopes {
    /**
     * @throws IllegalArgumentException when no strategy has that id
     */
    EmergencyScope of(String strategyId);
}
