package org.leverdesk.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the scheduler records each occurrence it handled (started, finished, missed), so a restart
 * neither runs a job twice nor reports the same miss again.
 */
public interface JobRunLog {
    /** The planned instant of the latest occurrence of job {@code key} that was started or recorded as missed. */
    Optional<Instant> lastHandled(String key);

    /** {@code job} starts at {@code at}; recorded before the action runs (a crash mid-run never reruns it). */
    void started(ScheduledJob job, Instant at);

    /** {@code job} ended with {@code outcome} at {@code at}. */
    void finished(ScheduledJob job, JobOutcome outcome, Instant at);

    /** {@code job} was missed; {@code detail} says why. */
    void missed(ScheduledJob job, String detail, Instant at);
}
