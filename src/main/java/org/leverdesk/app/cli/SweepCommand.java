package org.leverdesk.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.research.BacktestFunction;
import org.leverdesk.research.Metric;
import org.leverdesk.research.ParameterCheck;
import org.leverdesk.research.Trial;
import org.leverdesk.research.saved.ResearchJson;
import org.leverdesk.research.sweep.ParameterAxis;
import org.leverdesk.research.sweep.Skipped;
import org.leverdesk.research.sweep.SweepRequest;
import org.leverdesk.research.sweep.SweepResult;
import org.leverdesk.research.sweep.SweepRunner;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk sweep}: backtests every parameter set of a grid (or a random sample) and ranks them. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Backtest a strategy over a grid (or random sample) of parameters, rank the runs by a metric, and"
                + " report the deflated Sharpe ratio and the probability of backtest overfitting.")
public final class SweepCommand implements Callable<Integer>, ForwardedCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    ResearchOptions research;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--top", paramLabel = "N", description = "Show (or with --json/--csv, write) only the N best runs (default: 10 in the table, all in JSON/CSV).")
    Integer top;

    @Option(names = "--json", description = "Print one JSON object {request, data_source, trials, skipped, overfitting, run_id}.")
    boolean json;

    @Option(names = "--csv", description = "Print every run as CSV: the parameters, then every metric.")
    boolean csv;

    @Option(names = "--no-save", description = "Do not save the sweep in the store.")
    boolean noSave;

    @Override
    public Integer call() {
        if (json && csv) {
            throw new IllegalArgumentException("choose one of --json and --csv");
        }
        Metric metric = research.metric();
        SweepRequest request;
        try (StoreLease lease = StoreLease.open(store.dataDir, store.create, store.pricesDir, research.riskFree, !noSave || research.version != null)) {
            AppContext app = lease.app();
            request = new SweepRequest(research.base(app), research.from, research.to, research.space(), metric);
            PrintWriter err = spec.commandLine().getErr();
            CliProgress progress = new CliProgress(err);
            SweepResult result;
            try (BacktestFunction backtests = cluster.backtests(app, research.threads(), err)) {
                result = new SweepRunner(backtests, ParameterCheck.of(StrategyCatalog.builtIn()))
                        .run(request, progress, CancellationToken.NONE);
            }
            progress.done();
            Long runId = noSave ? null : app.researchRuns().save(result, research.version);
            print(result, runId, app.storeLocation());
        }
        return 0;
    }

    private void print(SweepResult r, Long runId, String storeLocation) {
        PrintWriter out = spec.commandLine().getOut();
        List<Trial> ranked = r.ranked(r.request().metric());
        List<String> names = r.request().space().axes().stream().map(ParameterAxis::name).toList();
        if (json) {
            out.println(json(r, top == null ? ranked : ranked.subList(0, Math.min(top, ranked.size())), runId));
        } else if (csv) {
            out.print(csv(top == null ? ranked : ranked.subList(0, Math.min(top, ranked.size())), names));
        } else {
            out.printf(Locale.ROOT, "%s sweep on %s, %s .. %s: %,d runs in %s ranked by %s; data: %s%n", r.request().base().strategyId(),
                    r.request().base().symbol() == null ? "the strategy's symbol" : r.request().base().symbol(),
                    r.request().from(), r.request().to(), r.trials().size(), ResearchText.elapsed(r.elapsed()),
                    r.request().metric().key(), r.dataSource());
            int n = Math.min(top == null ? 10 : top, ranked.size());
            out.print(ResearchText.table(ranked.subList(0, n), names));
            if (n < ranked.size()) {
                out.printf(Locale.ROOT, "... %,d more (--top N, --csv or --json show them)%n", ranked.size() - n);
            }
            for (Skipped s : r.skipped().subList(0, Math.min(3, r.skipped().size()))) {
                out.println("skipped " + s.parameters() + ": " + s.reason());
            }
            if (r.skipped().size() > 3) {
                out.printf(Locale.ROOT, "... %,d parameter sets skipped in all%n", r.skipped().size());
            }
            out.print(ResearchText.overfitting(r.overfitting()));
            if (runId != null) {
                out.println("saved as research run " + runId + " in " + storeLocation);
            }
        }
        out.flush();
    }

    private static String json(SweepResult r, List<Trial> trials, Long runId) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.set("request", JsonNumbers.of(ResearchJson.request(r)));
        root.put("data_source", r.dataSource());
        root.put("elapsed_ms", r.elapsed().toMillis());
        ArrayNode list = root.putArray("trials");
        for (Trial t : trials) {
            ObjectNode o = list.addObject();
            o.set("parameters", mapper.valueToTree(t.parameters()));
            o.set("metrics", MetricsJson.metrics(t.metrics()));
        }
        ArrayNode skipped = root.putArray("skipped");
        for (Skipped s : r.skipped()) {
            ObjectNode o = skipped.addObject();
            o.set("parameters", mapper.valueToTree(new java.util.TreeMap<>(s.parameters())));
            o.put("reason", s.reason());
        }
        root.set("overfitting", JsonNumbers.of(ResearchJson.overfitting(r.overfitting())));
        if (runId != null) {
            root.put("run_id", runId);
        }
        return root.toString();
    }

    private static String csv(List<Trial> trials, List<String> names) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", names));
        for (Metric m : Metric.values()) {
            sb.append(',').append(m.key());
        }
        sb.append(System.lineSeparator());
        for (Trial t : trials) {
            sb.append(String.join(",", names.stream().map(n -> csvField(t.parameters().getOrDefault(n, ""))).toList()));
            for (Metric m : Metric.values()) {
                double v = m.of(t);
                sb.append(',').append(Double.isFinite(v) ? new java.math.BigDecimal(v).round(new java.math.MathContext(10))
                        .stripTrailingZeros().toPlainString() : "");
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static String csvField(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    @Override
    public java.nio.file.Path dataDir() {
        return store.folder();
    }
}
