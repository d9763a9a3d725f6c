package org.leverdesk.research.advisor;

import java.util.List;
import java.util.Locale;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.research.similar.Advice;
import org.leverdesk.research.similar.Candidate;
import org.leverdesk.research.similar.Neighbour;
import org.leverdesk.strategy.catalog.StrategyDescriptor;

/**
 * The question sent to the LLM: the strategy and its parameters (with descriptions), the active
 * version's recent backtest metrics, today's features, the similar sessions with what each candidate
 * earned after them, and the JSON the answer must be.
 */
public final class LlmPrompt {
    private LlmPrompt() {
    }

    public static String of(StrategyDescriptor strategy, Advice advice, Metrics activeRecent, String recentRange) {
        StringBuilder sb = new StringBuilder();
        sb.append("You advise on the parameters of a systematic trading strategy. Answer with one JSON object only.\n\n");
        sb.append("Strategy: ").append(strategy.id()).append(" (").append(strategy.displayName()).append(")\n");
        sb.append("Parameters (name = active value: description):\n");
        Candidate active = advice.request().active();
        for (StrategyDescriptor.ParameterSpec p : strategy.parameters()) {
            sb.append("- ").append(p.name()).append(" = ").append(active.parameters().getOrDefault(p.name(), p.defaultValue()))
                    .append(": ").append(p.description()).append('\n');
        }
        if (activeRecent != null) {
            sb.append(String.format(Locale.ROOT, "%nBacktest of the active parameters over %s: total return %.2f%%, CAGR %.2f%%, Sharpe %.2f,"
                            + " max drawdown %.2f%%, %d trades, win rate %.1f%%.%n", recentRange, activeRecent.totalReturn() * 100,
                    activeRecent.cagr() * 100, activeRecent.sharpe(), activeRecent.maxDrawdown() * 100, activeRecent.trades(),
                    activeRecent.winRate() * 100));
        }
        List<String> names = advice.featureNames();
        sb.append("\nToday (").append(advice.match().today()).append(") features: ").append(features(names, advice.match().todayFeatures()))
                .append('\n');
        sb.append(String.format(Locale.ROOT, "%nThe %d most similar past sessions (cosine similarity of z-scored features) and the total"
                + " return of each parameter set over the next %d trading days:%n", advice.match().neighbours().size(),
                advice.request().horizon()));
        List<Candidate> cands = advice.request().candidates();
        for (int c = 0; c < cands.size(); c++) {
            sb.append("  set ").append(c + 1).append(c == advice.request().activeIndex() ? " (active)" : "").append(": ")
                    .append(cands.get(c).parameters()).append('\n');
        }
        for (int i = 0; i < advice.match().neighbours().size(); i++) {
            Neighbour n = advice.match().neighbours().get(i);
            sb.append(String.format(Locale.ROOT, "- %s similarity %.2f; %s; returns:", n.date(), n.similarity(), features(names, n.features())));
            for (int c = 0; c < cands.size(); c++) {
                sb.append(String.format(Locale.ROOT, " set %d %+.2f%%", c + 1, advice.returns()[i][c] * 100));
            }
            sb.append('\n');
        }
        sb.append("\nMeasured suggestion: ").append(advice.reason()).append(".\n");
        sb.append("\nPropose parameter changes for the next ").append(advice.request().horizon()).append(" trading days. Reply with exactly:\n")
                .append("{\"parameters\": {\"<name>\": <value>, ...only the ones to change}, \"reason\": \"<one sentence>\","
                        + " \"confidence\": <0..1>}\n")
                .append("Use only the parameter names listed above. An empty \"parameters\" object means: keep the active values.\n");
        return sb.toString();
    }

    private static String features(List<String> names, double[] values) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < names.size(); j++) {
            sb.append(j == 0 ? "" : ", ").append(names.get(j)).append(' ').append(String.format(Locale.ROOT, "%.2f", values[j]));
        }
        return sb.toString();
    }
}
