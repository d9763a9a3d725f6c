package org.leverdesk.research.similar;

import java.time.LocalDate;
import java.util.List;
import org.leverdesk.research.RunBase;

/**
 * What the similar-session advice compares: the candidates (the active one at {@code activeIndex}), over
 * the forward windows of {@code horizon} trading days after the {@code k} past days most like
 * {@code today}. The base's fixed parameters are ignored: each candidate carries all of its own.
 */
public record AdviceRequest(RunBase base, LocalDate today, int k, int horizon, List<Candidate> candidates, int activeIndex) {
    public static final int DEFAULT_K = 20;
    public static final int DEFAULT_HORIZON = 10;

    public AdviceRequest {
        candidates = List.copyOf(candidates);
        if (candidates.size() < 2) {
            throw new IllegalArgumentException("advice needs the active version and at least one other parameter set to compare");
        }
        if (activeIndex < 0 || activeIndex >= candidates.size()) {
            throw new IllegalArgumentException("the active parameter set must be one of the candidates");
        }
        if (k < 1 || k > 500 || horizon < 1 || horizon > 250) {
            throw new IllegalArgumentException("similar sessions need k from 1 to 500 and a horizon from 1 to 250 days (got k " + k
                    + ", horizon " + horizon + ")");
        }
    }

    public Candidate active() {
        return candidates.get(activeIndex);
    }
}
