package org.leverdesk.schedule;

/**
 * Hears what the scheduler does; notifications and the Dashboard subscribe. Called on the scheduler's
 * thread (a UI must hop to its own thread); an exception thrown here is logged and otherwise ignored.
 */
public interface SchedulerListener {
    /** {@code job} is starting now. */
    default void jobStarted(ScheduledJob job) {
    }

    /** {@code job} ended with {@code outcome} (succeeded, failed with a summary, or cancelled). */
    default void jobFinished(ScheduledJob job, JobOutcome outcome) {
    }

    /** {@code job}'s action threw {@code error}; {@link #jobFinished} follows with a FAILED outcome. */
    default void jobFailed(ScheduledJob job, Throwable error) {
    }

    /**
     * {@code job} (the latest of {@code count} missed occurrences of one job) was not run because its
     * catch-up window had passed; {@code reason} is one line for a notification.
     */
    default void jobMissed(ScheduledJob job, int count, String reason) {
    }

    /** The scheduler's state changed. */
    default void stateChanged(SchedulerState state) {
    }
}
