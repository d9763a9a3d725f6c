package org.leverdesk.research.saved;

import java.time.Instant;
import java.time.LocalDate;

/** One line of the saved research list; {@code summary} is the headline results as JSON. */
public record SavedResearch(long id, Kind kind, String strategyId, String symbol, LocalDate from, LocalDate to,
                            String metric, String dataSource, Long baseVersionId, int trials, int skipped,
                            long elapsedMillis, String requestJson, String summaryJson, Instant createdAt) {
    /** What was run. */
    public enum Kind { SWEEP, WALK_FORWARD }
}
