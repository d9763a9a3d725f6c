package org.leverdesk.research.advisor;

import org.leverdesk.domain.TradingMode;
import org.leverdesk.strategy.catalog.StrategyVersion;
import org.leverdesk.strategy.catalog.StrategyVersions;

/**
 * Applies suggestions without ever changing what trades on its own: applying creates a strategy version
 * (created by "advisor", derived from the version it was measured against) and records the confidence and
 * reason; the trader makes it active. Auto-apply (seed 001's rule: confidence above 0.5) makes it active at
 * once, but only ever for a paper account.
 */
public final class Advisor {
    /** Who creates advisor versions. */
    public static final String CREATED_BY = "advisor";
    /** Seed 001's threshold for auto-apply. */
    public static final double AUTO_APPLY_CONFIDENCE = 0.5;
    private final StrategyVersions versions;
    private final Suggestions suggestions;

    public Advisor(StrategyVersions versions, Suggestions suggestions) {
        this.versions = versions;
        this.suggestions = suggestions;
    }

    /** What applying did: the version, whether it was made active, and a sentence for the trader. */
    public record Applied(StrategyVersion version, boolean activated, String message) {
    }

    /**
     * Creates the version of {@code s} and records the suggestion.
     *
     * @param account   the account the strategy trades on (PAPER or LIVE)
     * @param autoApply also make it active when allowed (paper account, confidence above 0.5)
     * @throws IllegalArgumentException when the parameters are invalid or equal the version it was measured against
     */
    public Applied apply(Suggestion s, TradingMode account, boolean autoApply) {
        if (s.againstVersionId() != null) {
            StrategyVersion against = versions.get(s.againstVersionId()).orElse(null);
            if (against != null && against.parameters().equals(canonical(s))) {
                throw new IllegalArgumentException("the suggestion equals version " + against.number() + "; nothing to apply");
            }
        }
        StrategyVersion v = versions.save(s.strategyId(), s.parameters(), s.againstVersionId(), CREATED_BY);
        boolean allowed = account == TradingMode.PAPER && s.confidence() > AUTO_APPLY_CONFIDENCE;
        boolean activate = autoApply && allowed;
        suggestions.record(s, v.id(), activate);
        if (activate) {
            StrategyVersion active = versions.activate(v.id());
            return new Applied(active, true, "version " + v.number() + " of " + s.strategyId() + " is active now (auto-apply on a paper"
                    + " account, confidence " + percent(s.confidence()) + ")");
        }
        String why = !autoApply ? "make it active in the Strategies view to trade it"
                : account != TradingMode.PAPER ? "auto-apply is for paper accounts only; make it active in the Strategies view"
                : "auto-apply needs a confidence above 50% (this one: " + percent(s.confidence()) + "); make it active in the"
                        + " Strategies view if you agree";
        return new Applied(v, false, "created version " + v.number() + " of " + s.strategyId() + " (by advisor); " + why);
    }

    private java.util.SortedMap<String, String> canonical(Suggestion s) {
        // the store keeps canonical text ("20" not "20.0"); compare the same way it would save
        java.util.SortedMap<String, String> all = new java.util.TreeMap<>();
        versions.strategies().stream().filter(d -> d.id().equals(s.strategyId())).findFirst()
                .ifPresent(d -> all.putAll(org.leverdesk.strategy.catalog.ParameterSets.canonical(d, s.parameters())));
        return all;
    }

    private static String percent(double v) {
        return Math.round(v * 100) + "%";
    }
}
