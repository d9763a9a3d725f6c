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

/** {@code leverdesk runs}: lists the backtest runs saved in the store. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List saved backtest runs.")
public final class RunsCommand implements Callable<Integer>, StoreCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        try (StoreLease lease = StoreLease.open(store.dataDir, store.create, null, 0, true)) {
            AppContext app = lease.app();
            PrintWriter out = spec.commandLine().getOut();
            out.println("id,created_at,strategy,symbol,from,to,total_return,final_equity");
            for (SavedRun s : app.savedRuns().list()) {
                out.println(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%.6f,%.2f", s.id(), s.createdAt(), s.strategyId(),
                        s.symbol(), s.from(), s.to(), s.totalReturn(), s.finalEquity()));
            }
            out.flush();
            return 0;
        }
    }

    @Override
    public java.nio.file.Path dataDir() {
        return store.folder();
    }
}
