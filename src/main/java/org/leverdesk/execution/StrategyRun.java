package org.leverdesk.execution;

import org.leverdesk.strategy.Strategy;

/**
 * One configured strategy to run live: the instance, its parameter version (number for client order
 * ids, store id for the decision; null when unknown) and its capital share of the account.
 */
public record StrategyRun(Strategy strategy, int version, Long versionId, double capitalShare) {
    public StrategyRun {
        if (strategy == null) {
            throw new IllegalArgumentException("a strategy run needs a strategy");
        }
        if (version < 1) {
            throw new IllegalArgumentException("strategy versions start at 1 (got " + version + ")");
        }
        if (!(capitalShare > 0 && capitalShare <= 1)) {
            throw new IllegalArgumentException("capital share of " + strategy.id() + " must be above 0 and at most 1 (got "
                    + capitalShare + ")");
        }
    }
}
