package org.leverdesk.notify.message;

import java.time.Instant;

/** A scheduled job that did not run: which, when it should have run, why (e.g. the machine slept), when noticed. */
public record MissedRun(String strategyId, String job, Instant scheduledFor, String reason, Instant noticedAt) {
}
