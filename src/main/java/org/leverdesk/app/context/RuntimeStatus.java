package org.leverdesk.app.context;

import java.time.Instant;
import java.util.Map;
import org.leverdesk.risk.TradingState;
import org.leverdesk.schedule.ScheduledJob;
import org.leverdesk.schedule.SchedulerState;

/**
 * What the Dashboard shows about the trading runtime at one moment.
 *
 * @param at         when the snapshot was taken (scheduler time)
 * @param scheduler  the scheduler's state (running, paused, halted, stopped)
 * @param trading    the risk gate's trading state (HALTED = kill switch on)
 * @param nextRuns   per configured strategy id (and {@link TradingRuntime#SUMMARY_JOB}'s), its next planned
 *                   occurrence; a strategy with none ahead is absent
 * @param runningJob the job running now, or null
 */
public record RuntimeStatus(Instant at, SchedulerState scheduler, TradingState trading, Map<String, ScheduledJob> nextRuns,
                            ScheduledJob runningJob) {
    public RuntimeStatus {
        nextRuns = Map.copyOf(nextRuns);
    }

    /** True when the kill switch is on. */
    public boolean halted() {
        return trading == TradingState.HALTED;
    }
}
