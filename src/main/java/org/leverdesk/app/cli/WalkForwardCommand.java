package org.leverdesk.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.research.BacktestFunction;
import org.leverdesk.research.ParameterCheck;
import org.leverdesk.research.saved.ResearchJson;
import org.leverdesk.research.walkforward.WalkForward;
import org.leverdesk.research.walkforward.WalkForwardRequest;
import org.leverdesk.research.walkforward.WalkForwardResult;
import org.leverdesk.research.walkforward.WalkForwardWindow;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk walkforward}: optimise in sample, trade the winner out of sample, window after window. */
@Command(name = "walkforward", mixinStandardHelpOptions = true,
        description = "Walk-forward analysis: in each window the parameter set with the best metric over the in-sample part"
                + " runs on the out-of-sample part that follows; the out-of-sample runs are stitched into one curve and the"
                + " walk-forward efficiency is reported.")
public final class WalkForwardCommand implements Callable<Integer>, ForwardedCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    ResearchOptions research;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--in-sample", defaultValue = "24m", paramLabel = "PERIOD",
            description = "In-sample length: 24m, 2y, 90d... (default: ${DEFAULT-VALUE}).")
    String inSample;

    @Option(names = "--out-of-sample", defaultValue = "6m", paramLabel = "PERIOD",
            description = "Out-of-sample length and step between windows (default: ${DEFAULT-VALUE}).")
    String outOfSample;

    @Option(names = "--anchored", description = "Every in-sample part starts at --from (default: rolling, a fixed length).")
    boolean anchored;

    @Option(names = "--json", description = "Print one JSON object {request, windows, out_of_sample, efficiency, equity, run_id}.")
    boolean json;

    @Option(names = "--no-save", description = "Do not save the walk-forward in the store.")
    boolean noSave;

    @Override
    public Integer call() {
        WalkForwardRequest request;
        try (StoreLease lease = StoreLease.open(store.dataDir, store.create, store.pricesDir, research.riskFree, !noSave || research.version != null)) {
            AppContext app = lease.app();
            request = new WalkForwardRequest(research.base(app), research.from, research.to, research.space(), research.metric(),
                    WalkForwardRequest.parsePeriod(inSample), WalkForwardRequest.parsePeriod(outOfSample), anchored);
            PrintWriter err = spec.commandLine().getErr();
            CliProgress progress = new CliProgress(err);
            WalkForwardResult result;
            try (BacktestFunction backtests = cluster.backtests(app, research.threads(), err)) {
                result = new WalkForward(backtests, ParameterCheck.of(StrategyCatalog.builtIn())).run(request, progress,
                        CancellationToken.NONE);
            }
            progress.done();
            Long runId = noSave ? null : app.researchRuns().save(result, research.version);
            print(result, runId, app.storeLocation());
        }
        return 0;
    }

    private void print(WalkForwardResult r, Long runId, String storeLocation) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            root.set("request", JsonNumbers.of(ResearchJson.request(r)));
            root.put("data_source", r.dataSource());
            root.put("elapsed_ms", r.elapsed().toMillis());
            root.setAll((ObjectNode) JsonNumbers.of(ResearchJson.summary(r)));
            ArrayNode equity = root.putArray("equity");
            for (int i = 0; i < r.dates().length; i++) {
                ObjectNode p = equity.addObject();
                p.put("date", r.dates()[i].toString());
                MetricsJson.number(p, "equity", r.equity()[i]);
            }
            if (runId != null) {
                root.put("run_id", runId);
            }
            out.println(root);
            out.flush();
            return;
        }
        var q = r.request();
        out.printf(Locale.ROOT, "%s walk-forward, %s .. %s, %s in sample, %s out of sample (%s), ranked by %s: %d windows in %s;"
                        + " data: %s%n", q.base().strategyId(), q.from(), q.to(), q.inSample(), q.outOfSample(),
                q.anchored() ? "anchored" : "rolling", q.metric().key(), r.windows().size(), ResearchText.elapsed(r.elapsed()),
                r.dataSource());
        out.printf(Locale.ROOT, "%3s %-23s %-23s %-30s %9s %9s %9s %6s %6s%n", "#", "in sample", "out of sample", "chosen parameters",
                "IS cagr", "OOS cagr", "OOS ret", "DSR", "PBO");
        for (WalkForwardWindow w : r.windows()) {
            var o = w.inSampleOverfitting();
            out.printf(Locale.ROOT, "%3d %-23s %-23s %-30s %9s %9s %9s %6s %6s%n", w.number(), w.plan().isFrom() + ".." + w.plan().isTo(),
                    w.plan().oosFrom() + ".." + w.plan().oosTo(), w.inSampleBest().label(), ResearchText.pct(w.inSampleCagr()),
                    ResearchText.pct(w.outOfSampleCagr()), ResearchText.pct(w.outOfSample().metrics().totalReturn()),
                    ResearchText.num(o.deflatedSharpe().dsr()), o.pbo() == null ? "-" : ResearchText.num(o.pbo().pbo()));
        }
        var s = r.outOfSample();
        out.printf(Locale.ROOT, "stitched out of sample: total return %s, CAGR %s, Sharpe %s, max drawdown %s, final equity %s%n",
                ResearchText.pct(s.totalReturn()), ResearchText.pct(s.cagr()), ResearchText.num(s.sharpe()),
                ResearchText.pct(s.maxDrawdown()), ResearchText.money(r.equity()[r.equity().length - 1]));
        out.printf(Locale.ROOT, "walk-forward efficiency: %s (out-of-sample CAGR %s / mean in-sample CAGR %s)%n",
                ResearchText.num(r.efficiency()), ResearchText.pct(s.cagr()), ResearchText.pct(r.meanInSampleCagr()));
        if (runId != null) {
            out.println("saved as research run " + runId + " in " + storeLocation);
        }
        out.flush();
    }

    @Override
    public java.nio.file.Path dataDir() {
        return store.folder();
    }
}
