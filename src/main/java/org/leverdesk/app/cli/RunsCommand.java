package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.backtest.SavedRuns.SavedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code leverdesk runs}: lists the backtest runs saved in the store, each with the strategy version
 * it ran and the prices it ran on ({@code prices} is DEMO for the simulated market, real otherwise;
 * {@code source} is where they came from), so a demo run is never mistaken for a real one.
 */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List saved backtest runs.")
public final class RunsCommand implements Callable<Integer>, ForwardedCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        try (StoreLease lease = StoreLease.open(store.dataDir, store.create, null, 0, true)) {
            AppContext app = lease.app();
            PrintWriter out = spec.commandLine().getOut();
            out.println("id,created_at,strategy,symbol,from,to,total_return,final_equity,version,prices,source");
            for (SavedRun s : app.savedRuns().list()) {
                out.println(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%.6f,%.2f,%s,%s,%s", s.id(), s.createdAt(), s.strategyId(),
                        s.symbol(), s.from(), s.to(), s.totalReturn(), s.finalEquity(),
                        s.versionId() == null ? "" : s.versionId(), s.dataSource().isEmpty() ? "unknown" : s.simulated() ? "DEMO" : "real",
                        csv(s.dataSource())));
            }
            out.flush();
            return 0;
        }
    }

    @Override
    public java.nio.file.Path dataDir() {
        return store.folder();
    }

    /** RFC 4180: quoted only when it holds a comma, quote or line break. */
    private static String csv(String text) {
        return text.matches("(?s).*[\",\r\n].*") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
