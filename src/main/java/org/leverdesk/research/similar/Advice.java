package org.leverdesk.research.similar;

import java.util.List;

/**
 * The similar-session advice: today's features, the neighbours, what each candidate returned over each
 * neighbour's forward window ({@code returns[neighbour][candidate]}, total return of a fresh backtest from
 * the neighbour's day to its window end), and the suggestion.
 *
 * <p>The suggestion is the candidate with the highest mean forward return (the active one on ties). Its
 * confidence is measured, not guessed: the share of the neighbour windows in which it returned more
 * than the active version (for the active version itself: the share in which it did at least as well as
 * every other candidate).
 *
 * @param wins for each candidate, the windows in which it returned more than the active version
 */
public record Advice(AdviceRequest request, List<String> featureNames, SimilarSessions.Match match, double[][] returns,
                     double[] meanReturns, int[] wins, int suggested, double confidence, String reason, String dataSource) {

    /** True when the best candidate is the active one: nothing to change. */
    public boolean keepActive() {
        return suggested == request.activeIndex();
    }

    public Candidate suggestion() {
        return request.candidates().get(suggested);
    }
}
