package org.leverdesk.insight;

import java.time.LocalDate;
import java.util.List;
import org.leverdesk.strategy.rotation.PlannedTarget;
import org.leverdesk.strategy.rotation.RotationAnalysis;

/**
 * The rotation "if it rebalanced on the data date": the sleeves and the manager's choice, the
 * whole-share plan against the account, and when the schedule next rebalances.
 *
 * @param daysToRebalance trading days from the data date to the next scheduled rebalance (0 = the data date is one)
 */
public record RotationStatus(LocalDate dataDate, String sourceLabel, boolean simulated, RotationAnalysis analysis,
                             List<PlannedTarget> plan, AccountSnapshot account, double equity, int daysToRebalance) {
    public RotationStatus {
        plan = List.copyOf(plan);
    }
}
