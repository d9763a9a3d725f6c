package org.leverdesk.schedule;

import org.leverdesk.common.CancellationToken;

/**
 * What a scheduled job does; the app binds it to the execution service (one decision cycle of the
 * job's strategy). Called on the scheduler's own thread, never the FX thread, one job at a time.
 */
@FunctionalInterface
public interface JobAction {
    /**
     * Runs {@code job}; polls {@code cancel} and stops early (throwing
     * {@link java.util.concurrent.CancellationException} or returning a CANCELLED outcome) when the
     * scheduler is stopping. Any other exception marks the run FAILED.
     */
    JobOutcome run(ScheduledJob job, CancellationToken cancel) throws Exception;
}
