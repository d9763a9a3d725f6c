package org.leverdesk.schedule;

import java.util.Objects;

/**
 * How a job's run ended and a one-line summary for the journal and notifications.
 *
 * @param status  how it ended
 * @param summary what it did (e.g. "regime BULL: bought 12 TQQQ"), or why it failed
 */
public record JobOutcome(Status status, String summary) {
    /** How a run ended. */
    public enum Status { SUCCEEDED, FAILED, CANCELLED }

    public JobOutcome {
        Objects.requireNonNull(status, "status");
        summary = summary == null ? "" : summary;
    }

    /** A successful run. */
    public static JobOutcome succeeded(String summary) {
        return new JobOutcome(Status.SUCCEEDED, summary);
    }

    /** A failed run. */
    public static JobOutcome failed(String summary) {
        return new JobOutcome(Status.FAILED, summary);
    }

    /** A run stopped by a stop request. */
    public static JobOutcome cancelled(String summary) {
        return new JobOutcome(Status.CANCELLED, summary);
    }
}
