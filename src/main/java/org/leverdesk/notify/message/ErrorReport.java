package org.leverdesk.notify.message;

import java.time.Instant;

/** An error for a message: the strategy (null when none), what was being done, the one-line error, when. */
public record ErrorReport(String strategyId, String activity, String message, Instant time) {
}
