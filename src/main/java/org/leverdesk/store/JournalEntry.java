package org.leverdesk.store;

import java.time.Instant;

/** One journal line: what happened ({@code kind}), to which strategy (may be null), and optional JSON details. */
public record JournalEntry(long id, Instant at, String kind, String strategyId, String message, String detailsJson) {
}
