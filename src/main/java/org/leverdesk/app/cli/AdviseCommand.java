package org.leverdesk.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.Secrets;
import org.leverdesk.research.RunBase;
import org.leverdesk.research.RunnerBacktestFunction;
import org.leverdesk.research.advisor.Advisor;
import org.leverdesk.research.advisor.AdvisorWorkflow;
import org.leverdesk.research.advisor.LlmClient;
import org.leverdesk.research.advisor.LlmSettings;
import org.leverdesk.research.advisor.Suggestion;
import org.leverdesk.research.similar.Advice;
import org.leverdesk.research.similar.AdviceRequest;
import org.leverdesk.research.similar.Candidate;
import org.leverdesk.research.similar.Neighbour;
import org.leverdesk.research.similar.SessionAdvisor;
import org.leverdesk.research.sweep.ParameterAxis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk advise}: seed 001's similar-session advice, measured, and optionally applied as a new version. */
@Command(name = "advise", mixinStandardHelpOptions = true,
        description = {"Find the past days most like today (regime, volatility, RSI, ATR %%, volume ratio, distance from SMAs,",
                "VIX; z-scored, cosine similarity), backtest the active strategy version, the newest other versions and",
                "an optional grid over the days after each, and suggest the set that did best with a measured confidence:",
                "the share of those windows in which it beat the active version. Nothing changes what trades: --apply",
                "creates a new version (by advisor) that you make active; only a paper account is ever auto-applied."})
public final class AdviseCommand implements Callable<Integer>, ForwardedCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    ConfigOptions config;

    @Option(names = "--strategy", required = true, paramLabel = "ID", description = "Strategy id, e.g. rsi2.")
    String strategy;

    @Option(names = "--symbol", paramLabel = "SYM", description = "Traded symbol (default: the strategy's).")
    String symbol;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The day to find similar sessions for (default: the last day with prices).")
    LocalDate asOf;

    @Option(names = "--k", defaultValue = "20", paramLabel = "N", description = "How many similar sessions (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--horizon", defaultValue = "10", paramLabel = "DAYS",
            description = "Trading days after each similar session over which the sets are compared (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--versions", defaultValue = "5", paramLabel = "N", description = "Newest other versions to compare (default: ${DEFAULT-VALUE}).")
    int versions;

    @Option(names = {"-P", "--param"}, paramLabel = "NAME=SPEC", description = "Also compare a small grid around the active version, e.g. -P entryRsi=20,25,35.")
    List<String> grid = new ArrayList<>();

    @Option(names = "--capital", defaultValue = "10000", paramLabel = "USD", description = "Capital of each comparison run (default: ${DEFAULT-VALUE}).")
    double capital;

    @Option(names = "--threads", paramLabel = "N", description = "Backtests at once (default: the available cores).")
    Integer threads;

    @Option(names = "--llm", description = "Also ask the LLM set up in Settings (Research advisor) and measure its proposal the same way.")
    boolean llm;

    @Option(names = "--apply", description = "Create a version (by advisor) from the similar-session suggestion.")
    boolean apply;

    @Option(names = "--apply-llm", description = "Create a version (by advisor) from the LLM's measured proposal.")
    boolean applyLlm;

    @Option(names = "--auto-apply", description = "Also make the applied version active when its confidence is above 50%% (paper accounts only).")
    boolean autoApply;

    @Option(names = "--json", description = "Print one JSON object {today, features, candidates, neighbours, suggestion, llm, applied}.")
    boolean json;

    @Override
    public Integer call() {
        AppConfig settings = config.file().loadIfPresent().orElse(AppConfig.defaults());
        try (StoreLease lease = StoreLease.open(store.dataDir, store.create, store.pricesDir, 0, true)) {
            AppContext app = lease.app();
            int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (n < 1) {
                throw new IllegalArgumentException("--threads must be at least 1 (got " + n + ")");
            }
            RunnerBacktestFunction backtests = new RunnerBacktestFunction(app.backtests(), n);
            AdvisorWorkflow flow = new AdvisorWorkflow(new SessionAdvisor(app.backtests(), backtests), backtests, app.strategyVersions(),
                    app.advisorSuggestions());
            List<Candidate> candidates = flow.candidates(strategy, versions, grid.stream().map(ParameterAxis::parse).toList());
            if (candidates.size() < 2) {
                throw new IllegalArgumentException(strategy + " has only its active version; add a grid (-P entryRsi=20,25,35) or save"
                        + " another version to compare");
            }
            LocalDate today = asOf != null ? asOf : app.marketData().barsUpTo(symbolOf(app), LocalDate.now()).lastDate();
            RunBase base = new RunBase(strategy, symbol, capital, CostModel.FREE, null, Map.of());
            CliProgress progress = new CliProgress(spec.commandLine().getErr());
            Advice advice = flow.advise(base, today, k, horizon, candidates, progress, CancellationToken.NONE);
            AdvisorWorkflow.LlmOutcome llmOutcome = null;
            if (llm || applyLlm) {
                llmOutcome = flow.askLlm(advice, llmClient(settings), progress, CancellationToken.NONE);
            }
            progress.done();
            List<Advisor.Applied> applied = new ArrayList<>();
            boolean auto = autoApply || settings.advisor().autoApplyPaper();
            if (apply) {
                Suggestion s = flow.suggestion(advice).orElseThrow(() -> new IllegalArgumentException(
                        "the active version did best after the similar sessions; there is no suggestion to apply"));
                applied.add(flow.apply(s, settings.broker().mode(), auto));
            }
            if (applyLlm) {
                if (llmOutcome.suggestion() == null) {
                    throw new IllegalArgumentException("the LLM proposed no change; there is nothing to apply");
                }
                applied.add(flow.apply(llmOutcome.suggestion(), settings.broker().mode(), auto));
            }
            print(advice, llmOutcome, applied);
        }
        return 0;
    }

    private String symbolOf(AppContext app) {
        if (symbol != null && !symbol.isBlank()) {
            return symbol.trim().toUpperCase(Locale.ROOT);
        }
        return app.backtests().strategies().stream().filter(s -> s.id().equals(strategy)).findFirst()
                .map(s -> s.defaultSymbol()).orElseThrow(() -> new IllegalArgumentException("unknown strategy '" + strategy + "'"));
    }

    private static LlmClient llmClient(AppConfig settings) {
        var a = settings.advisor();
        if (!a.llmEnabled()) {
            throw new IllegalArgumentException("the LLM advisor is off; switch it on in Settings > Research advisor (endpoint, model, key)");
        }
        String key = Secrets.forCurrentUser().get(Secrets.LLM_API_KEY).orElseThrow(() -> new IllegalArgumentException(
                "no LLM API key: set LLM_API_KEY in the environment or in Settings > Research advisor"));
        return new LlmClient(new LlmSettings(a.llmApi(), a.llmEndpoint(), a.llmModel(), Duration.ofSeconds(90)), key);
    }

    private void print(Advice a, AdvisorWorkflow.LlmOutcome llmOutcome, List<Advisor.Applied> applied) {
        PrintWriter out = spec.commandLine().getOut();
        AdviceRequest q = a.request();
        List<Candidate> cands = q.candidates();
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("today", a.match().today().toString());
            Map<String, Object> features = new LinkedHashMap<>();
            for (int j = 0; j < a.featureNames().size(); j++) {
                features.put(a.featureNames().get(j), a.match().todayFeatures()[j]);
            }
            root.put("features", features);
            List<Object> cl = new ArrayList<>();
            for (int c = 0; c < cands.size(); c++) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("label", cands.get(c).label());
                m.put("version_id", cands.get(c).versionId());
                m.put("active", c == q.activeIndex());
                m.put("parameters", cands.get(c).parameters());
                m.put("mean_return", a.meanReturns()[c]);
                m.put("wins_vs_active", a.wins()[c]);
                cl.add(m);
            }
            root.put("candidates", cl);
            List<Object> nl = new ArrayList<>();
            for (int i = 0; i < a.match().neighbours().size(); i++) {
                Neighbour nb = a.match().neighbours().get(i);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("date", nb.date().toString());
                m.put("window_end", nb.windowEnd().toString());
                m.put("similarity", nb.similarity());
                m.put("returns", a.returns()[i]);
                nl.add(m);
            }
            root.put("neighbours", nl);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("keep_active", a.keepActive());
            s.put("label", a.suggestion().label());
            s.put("parameters", a.suggestion().parameters());
            s.put("confidence", a.confidence());
            s.put("reason", a.reason());
            root.put("suggestion", s);
            if (llmOutcome != null) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("changes", llmOutcome.answer().changes());
                l.put("reason", llmOutcome.answer().reason());
                l.put("stated_confidence", llmOutcome.answer().statedConfidence());
                l.put("measured_confidence", llmOutcome.measured() == null ? Double.NaN : llmOutcome.measured().confidence());
                root.put("llm", l);
            }
            root.put("applied", applied.stream().map(x -> Map.of("version_id", x.version().id(), "version", x.version().number(),
                    "active", x.activated(), "message", x.message())).toList());
            root.put("data_source", a.dataSource());
            ObjectNode node = (ObjectNode) JsonNumbers.of(root);
            out.println(node);
            out.flush();
            return;
        }
        out.printf(Locale.ROOT, "%s on %s: the %d sessions most like %s, compared over the next %d trading days; data: %s%n",
                q.base().strategyId(), q.base().symbol() == null ? "its symbol" : q.base().symbol(), a.match().neighbours().size(),
                a.match().today(), q.horizon(), a.dataSource());
        StringBuilder f = new StringBuilder("today:");
        for (int j = 0; j < a.featureNames().size(); j++) {
            f.append(String.format(Locale.ROOT, " %s %.2f", a.featureNames().get(j), a.match().todayFeatures()[j]));
        }
        out.println(f);
        for (int c = 0; c < cands.size(); c++) {
            out.printf(Locale.ROOT, "  set %d %-16s %s%n", c + 1, cands.get(c).label(), cands.get(c).parameters());
        }
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-10s %-10s %6s", "session", "until", "sim"));
        for (int c = 0; c < cands.size(); c++) {
            head.append(String.format(Locale.ROOT, " %8s", "set " + (c + 1)));
        }
        out.println(head);
        for (int i = 0; i < a.match().neighbours().size(); i++) {
            Neighbour nb = a.match().neighbours().get(i);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-10s %-10s %6.3f", nb.date(), nb.windowEnd(), nb.similarity()));
            for (int c = 0; c < cands.size(); c++) {
                row.append(String.format(Locale.ROOT, " %+7.2f%%", a.returns()[i][c] * 100));
            }
            out.println(row);
        }
        StringBuilder mean = new StringBuilder(String.format(Locale.ROOT, "%-10s %-10s %6s", "mean", "", ""));
        for (int c = 0; c < cands.size(); c++) {
            mean.append(String.format(Locale.ROOT, " %+7.2f%%", a.meanReturns()[c] * 100));
        }
        out.println(mean);
        out.printf(Locale.ROOT, "suggestion: %s (confidence %s)%n", a.reason(), ResearchText.pct(a.confidence()));
        if (llmOutcome != null) {
            out.println(llmOutcome.suggestion() == null ? "LLM: keep the active parameters (" + llmOutcome.answer().reason() + ")"
                    : "LLM: " + llmOutcome.answer().changes() + " - " + llmOutcome.suggestion().reason() + " (measured confidence "
                    + ResearchText.pct(llmOutcome.suggestion().confidence()) + ")");
        }
        for (Advisor.Applied x : applied) {
            out.println("applied: " + x.message());
        }
        out.flush();
    }

    @Override
    public java.nio.file.Path dataDir() {
        return store.folder();
    }
}
