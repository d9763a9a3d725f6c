package org.leverdesk.store;

import java.time.Instant;

/**
 * A filter over the journal: every non-null part must match. {@code from} is inclusive and
 * {@code to} exclusive; {@code text} matches the message case-insensitively; {@code beforeId} pages
 * back from an entry already shown (keyset paging, so new entries never shift a page).
 */
public record JournalQuery(String strategyId, String kind, Instant from, Instant to, String text, Long beforeId, int limit) {
    /** The most entries one page may hold. */
    public static final int MAX_LIMIT = 10_000;

    public JournalQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a journal page holds 1 to " + MAX_LIMIT + " entries (got " + limit + ")");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("the journal range must start before it ends (got " + from + " to " + to + ")");
        }
        strategyId = blankToNull(strategyId);
        kind = blankToNull(kind);
        text = blankToNull(text);
    }

    /** The newest {@code limit} entries, unfiltered. */
    public static JournalQuery newest(int limit) {
        return new JournalQuery(null, null, null, null, null, null, limit);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
