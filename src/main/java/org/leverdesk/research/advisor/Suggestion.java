package org.leverdesk.research.advisor;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A change of parameters the advisor proposes, with its measured confidence (the share of similar
 * sessions in which it beat the active version) and the reason.
 *
 * @param againstVersionId the active version it was measured against (null when unknown)
 * @param source           {@link #SIMILAR_SESSIONS} or {@link #LLM}
 */
public record Suggestion(String strategyId, SortedMap<String, String> parameters, Long againstVersionId, double confidence,
                         String reason, String source) {
    public static final String SIMILAR_SESSIONS = "similar-sessions";
    public static final String LLM = "llm";

    public Suggestion {
        parameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("a suggestion's confidence must be between 0 and 1 (got " + confidence + ")");
        }
        if (!SIMILAR_SESSIONS.equals(source) && !LLM.equals(source)) {
            throw new IllegalArgumentException("unknown suggestion source '" + source + "'");
        }
        reason = reason == null ? "" : reason.length() > 4000 ? reason.substring(0, 3997) + "..." : reason;
    }

    public Suggestion(String strategyId, Map<String, String> parameters, Long againstVersionId, double confidence, String reason,
                      String source) {
        this(strategyId, new TreeMap<>(parameters), againstVersionId, confidence, reason, source);
    }
}
