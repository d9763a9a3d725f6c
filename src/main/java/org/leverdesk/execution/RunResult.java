package org.leverdesk.execution;

import java.time.LocalDate;
import java.util.List;
import org.leverdesk.domain.Decision;

/**
 * One decision cycle of one strategy: the reconciliation before it (null in a dry run), the decision
 * and its stored id (null in a dry run), the plan, the quotes the guard blocked, and per order what happened.
 */
public record RunResult(String strategyId, LocalDate tradingDay, boolean dryRun, ReconciliationReport reconciliation,
                        Decision decision, Long decisionId, OrderPlan plan, List<String> blockedQuotes,
                        List<OrderOutcome> outcomes) {
    public RunResult {
        blockedQuotes = List.copyOf(blockedQuotes);
        outcomes = List.copyOf(outcomes);
    }
}
