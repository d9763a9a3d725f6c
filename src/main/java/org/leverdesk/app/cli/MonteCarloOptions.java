package org.leverdesk.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.research.montecarlo.MonteCarlo;
import org.leverdesk.research.montecarlo.MonteCarloRequest;
import org.leverdesk.research.montecarlo.MonteCarloResult;
import org.leverdesk.research.montecarlo.Quantiles;
import picocli.CommandLine.Option;

/** The Monte Carlo settings of {@code montecarlo} and {@code backtest --monte-carlo}, and how results are printed. */
final class MonteCarloOptions {
    @Option(names = "--mc-runs", defaultValue = "1000", paramLabel = "N", description = "Resampled paths (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--mc-seed", defaultValue = "1", paramLabel = "S", description = "Random seed of the paths (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--mc-drawdown", defaultValue = "30", paramLabel = "PERCENT",
            description = "Report the probability of a drawdown worse than this many percent (default: ${DEFAULT-VALUE}).")
    double drawdownPercent;

    MonteCarloResult run(BacktestResult result) {
        return MonteCarlo.run(MonteCarloRequest.of(result, runs, seed, drawdownPercent / 100));
    }

    /** The text block: quantiles of final equity, max drawdown and CAGR, and the drawdown probability. */
    static String text(MonteCarloResult r) {
        var q = r.request();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Monte Carlo: %,d paths of %,d resampled trades (seed %d)%n", q.runs(), r.trades(), q.seed()));
        sb.append(String.format(Locale.ROOT, "%-14s %14s %14s %14s%n", "percentile", "5th", "50th", "95th"));
        row(sb, "final_equity", r.finalEquity(), ResearchText::money);
        row(sb, "max_drawdown", r.maxDrawdown(), ResearchText::pct);
        row(sb, "cagr", r.cagr(), ResearchText::pct);
        sb.append(String.format(Locale.ROOT, "probability of a drawdown worse than -%s: %s%n",
                ResearchText.pct(q.drawdownThreshold()), ResearchText.pct(r.probabilityDrawdownWorse())));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, Quantiles q, java.util.function.DoubleFunction<String> f) {
        sb.append(String.format(Locale.ROOT, "%-14s %14s %14s %14s%n", name, f.apply(q.p5()), f.apply(q.p50()), f.apply(q.p95())));
    }

    /** The JSON object {runs, seed, trades, final_equity, max_drawdown, cagr, drawdown_threshold, probability, bands}. */
    static ObjectNode json(MonteCarloResult r) {
        var q = r.request();
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("runs", q.runs());
        m.put("seed", q.seed());
        m.put("trades", r.trades());
        m.put("final_equity", quantiles(r.finalEquity()));
        m.put("max_drawdown", quantiles(r.maxDrawdown()));
        m.put("cagr", quantiles(r.cagr()));
        m.put("drawdown_threshold", q.drawdownThreshold());
        m.put("probability_drawdown_worse", r.probabilityDrawdownWorse());
        m.put("equity_band", java.util.Map.of("p5", r.equity().p5(), "p50", r.equity().p50(), "p95", r.equity().p95()));
        m.put("drawdown_band", java.util.Map.of("p5", r.drawdown().p5(), "p50", r.drawdown().p50(), "p95", r.drawdown().p95()));
        return (ObjectNode) JsonNumbers.of(m);
    }

    private static java.util.Map<String, Object> quantiles(Quantiles q) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("p5", q.p5());
        m.put("p50", q.p50());
        m.put("p95", q.p95());
        return m;
    }
}
