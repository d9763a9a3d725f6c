package org.leverdesk.research.advisor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.research.BacktestFunction;
import org.leverdesk.research.ParameterCheck;
import org.leverdesk.research.RunBase;
import org.leverdesk.research.similar.Advice;
import org.leverdesk.research.similar.AdviceRequest;
import org.leverdesk.research.similar.Candidate;
import org.leverdesk.research.similar.SessionAdvisor;
import org.leverdesk.research.sweep.ParameterAxis;
import org.leverdesk.research.sweep.SearchSpace;
import org.leverdesk.strategy.catalog.ParameterSets;
import org.leverdesk.strategy.catalog.StrategyDescriptor;
import org.leverdesk.strategy.catalog.StrategyVersion;
import org.leverdesk.strategy.catalog.StrategyVersions;

/**
 * The advisor end to end, for the CLI and the Research view: which parameter sets to compare (the active
 * version, the newest other versions, and optionally a small grid around the active one), the
 * similar-session advice, the optional LLM's proposal measured over the same windows, and applying a
 * suggestion as a new version.
 */
public final class AdvisorWorkflow {
    /** How far back the LLM's backtest summary of the active version reaches. */
    public static final int SUMMARY_YEARS = 3;
    private final SessionAdvisor sessions;
    private final BacktestFunction backtests;
    private final StrategyVersions versions;
    private final Advisor advisor;
    private final ParameterCheck check;

    public AdvisorWorkflow(SessionAdvisor sessions, BacktestFunction backtests, StrategyVersions versions, Suggestions suggestions) {
        this.sessions = sessions;
        this.backtests = backtests;
        this.versions = versions;
        this.advisor = new Advisor(versions, suggestions);
        this.check = (id, p) -> versions.validate(id, p);
    }

    /**
     * The active version first, then up to {@code otherVersions} newest other versions, then the points of
     * {@code grid} applied to the active parameters (invalid points and repeats left out).
     */
    public List<Candidate> candidates(String strategyId, int otherVersions, List<ParameterAxis> grid) {
        StrategyDescriptor d = descriptor(strategyId);
        StrategyVersion active = versions.active(strategyId);
        List<Candidate> out = new ArrayList<>();
        Set<SortedMap<String, String>> seen = new HashSet<>();
        out.add(new Candidate("v" + active.number() + " (active)", active.id(), active.parameters()));
        seen.add(active.parameters());
        for (StrategyVersion v : versions.list(strategyId)) {
            if (out.size() > otherVersions) {
                break;
            }
            if (seen.add(v.parameters())) {
                out.add(new Candidate("v" + v.number(), v.id(), v.parameters()));
            }
        }
        if (grid != null && !grid.isEmpty()) {
            for (Map<String, String> point : SearchSpace.grid(grid).points()) {
                Map<String, String> all = new TreeMap<>(active.parameters());
                all.putAll(point);
                SortedMap<String, String> canonical;
                try {
                    canonical = ParameterSets.canonical(d, all);
                } catch (IllegalArgumentException invalid) {
                    continue;
                }
                if (seen.add(canonical)) {
                    out.add(new Candidate(label(point), null, canonical));
                }
            }
        }
        return out;
    }

    /** The similar-session advice over {@code candidates} (the active one first, as {@link #candidates} returns). */
    public Advice advise(RunBase base, LocalDate today, int k, int horizon, List<Candidate> candidates, ProgressListener progress,
                         CancellationToken cancel) {
        return sessions.advise(new AdviceRequest(base, today, k, horizon, candidates, 0), progress, cancel);
    }

    /** The measured suggestion of {@code advice}, ready to apply; empty when the active version did best. */
    public java.util.Optional<Suggestion> suggestion(Advice advice) {
        if (advice.keepActive()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Suggestion(advice.request().base().strategyId(), advice.suggestion().parameters(),
                advice.request().active().versionId(), advice.confidence(), advice.reason(), Suggestion.SIMILAR_SESSIONS));
    }

    /** What the LLM proposed and how it did over the advice's windows ({@code measured} null when it changed nothing). */
    public record LlmOutcome(LlmAnswer answer, SessionAdvisor.Measured measured, Suggestion suggestion) {
    }

    /** Asks {@code llm} about {@code advice} and measures its proposal over the same similar sessions. */
    public LlmOutcome askLlm(Advice advice, LlmClient llm, ProgressListener progress, CancellationToken cancel) {
        RunBase base = advice.request().base();
        String id = base.strategyId();
        StrategyDescriptor d = descriptor(id);
        Candidate active = advice.request().active();
        LocalDate today = advice.match().today();
        LocalDate from = today.minusYears(SUMMARY_YEARS);
        Metrics recent = backtests.prepare(new RunBase(id, base.symbol(), base.capital(), base.costs(), base.benchmark(), Map.of()),
                from, today).run(active.parameters(), cancel).metrics();
        String text = llm.complete(LlmPrompt.of(d, advice, recent, from + " .. " + today));
        Set<String> known = new HashSet<>();
        d.parameters().forEach(p -> known.add(p.name()));
        LlmAnswer answer = LlmAnswer.parse(text, id, active.parameters(), known, check);
        if (answer.changes().isEmpty()) {
            return new LlmOutcome(answer, null, null);
        }
        SessionAdvisor.Measured m = sessions.measure(advice, new Candidate("LLM: " + label(answer.changes()), null, answer.parameters()),
                progress, cancel);
        String reason = String.format(java.util.Locale.ROOT, "LLM: %s Measured: %s beat the active version in %d of %d similar sessions"
                + " (mean %+.2f%%)", answer.reason().isEmpty() ? "(no reason given)." : answer.reason(), label(answer.changes()),
                m.wins(), m.windows(), m.meanReturn() * 100);
        return new LlmOutcome(answer, m, new Suggestion(id, answer.parameters(), active.versionId(), m.confidence(), reason,
                Suggestion.LLM));
    }

    /** Applies {@code s} (see {@link Advisor#apply}). */
    public Advisor.Applied apply(Suggestion s, TradingMode account, boolean autoApply) {
        return advisor.apply(s, account, autoApply);
    }

    private StrategyDescriptor descriptor(String id) {
        return versions.strategies().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown strategy '" + id + "'"));
    }

    static String label(Map<String, String> p) {
        return String.join(", ", new TreeMap<>(p).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
