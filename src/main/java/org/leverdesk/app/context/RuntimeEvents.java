package org.leverdesk.app.context;

import java.time.Clock;
import java.util.function.Function;
import org.leverdesk.execution.RunResult;
import org.leverdesk.notify.Notifier;
import org.leverdesk.notify.message.ErrorReport;
import org.leverdesk.notify.message.MissedRun;
import org.leverdesk.notify.message.NotificationMessages;
import org.leverdesk.schedule.JobOutcome;
import org.leverdesk.schedule.ScheduledJob;
import org.leverdesk.schedule.SchedulerListener;
import org.leverdesk.store.JournalRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's scheduler listener: journals every job's end, failure and missed run, and notifies
 * each run's decision and orders, failures and missed runs. Runs on the scheduler thread; a failure
 * here is logged and never stops the scheduler (the dispatcher's send returns at once).
 */
final class RuntimeEvents implements SchedulerListener {
    /** Journal kinds written here. */
    static final String JOB = "job";
    static final String JOB_FAILED = "job-failed";
    static final String JOB_MISSED = "job-missed";
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeEvents.class);

    private final Notifier notifier;
    private final JournalRepository journal;
    private final Clock clock;
    /** The result a finished strategy job left (null for other jobs), taken once. */
    private final Function<ScheduledJob, RunResult> takeResult;

    RuntimeEvents(Notifier notifier, JournalRepository journal, Clock clock, Function<ScheduledJob, RunResult> takeResult) {
        this.notifier = notifier;
        this.journal = journal;
        this.clock = clock;
        this.takeResult = takeResult;
    }

    @Override
    public void jobFinished(ScheduledJob job, JobOutcome outcome) {
        RunResult result = takeResult.apply(job);
        append(JOB, job.strategyId(), job + " " + outcome.status() + ": " + outcome.summary());
        if (result != null) {
            notifier.send(RunReports.run(job.name(), clock.instant(), result));
            RunReports.trouble(clock.instant(), result).ifPresent(notifier::send);
        }
    }

    @Override
    public void jobFailed(ScheduledJob job, Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage().replace('\n', ' ');
        append(JOB_FAILED, job.strategyId(), job + " failed: " + message);
        notifier.send(NotificationMessages.error(new ErrorReport(job.strategyId(), "scheduled job " + job.name()
                + " for " + job.tradingDay(), message, clock.instant())));
    }

    @Override
    public void jobMissed(ScheduledJob job, int count, String reason) {
        append(JOB_MISSED, job.strategyId(), reason);
        notifier.send(NotificationMessages.missedRun(new MissedRun(job.strategyId(), job.name(), job.instant(), reason,
                clock.instant())));
    }

    private void append(String kind, String strategyId, String message) {
        try {
            journal.append(kind, strategyId, message, null);
        } catch (RuntimeException e) {
            LOG.warn("could not journal '{}': {}", message, e.getMessage());
        }
    }
}
