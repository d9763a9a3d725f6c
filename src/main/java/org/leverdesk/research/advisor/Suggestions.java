package org.leverdesk.research.advisor;

import java.time.Instant;
import java.util.List;

/** Applied advisor suggestions kept in the store (a port; {@code store.AdvisorSuggestionRepository}). */
public interface Suggestions {
    /** Records that suggestion {@code s} created (or found) version {@code versionId}; returns its id. */
    long record(Suggestion s, long versionId, boolean autoApplied);

    /** The suggestions applied to {@code strategyId}, newest first. */
    List<Recorded> list(String strategyId);

    /** One recorded suggestion. */
    record Recorded(long id, String strategyId, long versionId, Long againstVersionId, double confidence, String reason,
                    String source, boolean autoApplied, Instant createdAt) {
    }
}
