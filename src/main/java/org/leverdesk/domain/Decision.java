package org.leverdesk.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The output of one strategy run: the targets it wants (empty when it wants no change) and why.
 * {@code rebalance} is false when the strategy chose not to trade today.
 */
public record Decision(LocalDate date, String strategyId, boolean rebalance, List<Target> targets, Explanation explanation) {
    public Decision {
        targets = List.copyOf(targets);
    }

    public static Decision hold(LocalDate date, String strategyId, String why) {
        return new Decision(date, strategyId, false, List.of(), Explanation.of(why));
    }

    /** A hold whose explanation nobody reads (a quiet backtest day): shares one explanation object. */
    public static Decision quietHold(LocalDate date, String strategyId) {
        return new Decision(date, strategyId, false, List.of(), QUIET);
    }

    private static final Explanation QUIET = Explanation.of("hold");
}
