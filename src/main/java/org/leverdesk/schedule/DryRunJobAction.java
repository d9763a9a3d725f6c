package org.leverdesk.schedule;

import org.leverdesk.common.CancellationToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link JobAction} that only logs what would run: the headless daemon uses it until the app binds
 * the scheduler to the execution service (one decision cycle per strategy).
 */
public final class DryRunJobAction implements JobAction {
    private static final Logger LOG = LoggerFactory.getLogger(DryRunJobAction.class);

    @Override
    public JobOutcome run(ScheduledJob job, CancellationToken cancel) {
        cancel.throwIfCancelled();
        String text = "would run " + job.strategyId() + " " + job.name() + " for " + job.tradingDay()
                + " (planned " + job.time() + " ET); no execution service is bound, nothing was traded";
        LOG.info(text);
        return JobOutcome.succeeded(text);
    }
}
