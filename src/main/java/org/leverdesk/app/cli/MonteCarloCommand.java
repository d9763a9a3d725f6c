package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.research.montecarlo.MonteCarloResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk montecarlo --run ID}: resamples the trades of a saved backtest run. */
@Command(name = "montecarlo", mixinStandardHelpOptions = true,
        description = "Resample the trades of a saved backtest run (each trade's return on the account, drawn with replacement)"
                + " and print the 5th/50th/95th percentiles of final equity, maximum drawdown and CAGR.")
public final class MonteCarloCommand implements Callable<Integer>, ForwardedCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    MonteCarloOptions monteCarlo;

    @Option(names = "--run", required = true, paramLabel = "ID", description = "Saved backtest run id (see 'leverdesk runs').")
    long runId;

    @Option(names = "--json", description = "Print one JSON object with the quantiles, the probability and the bands per trade.")
    boolean json;

    @Override
    public Integer call() {
        try (StoreLease lease = StoreLease.open(store.dataDir, store.create, null, 0, true)) {
            AppContext app = lease.app();
            BacktestResult run = app.savedRuns().load(runId).orElseThrow(() -> new IllegalArgumentException(
                    "there is no saved backtest run " + runId + "; 'leverdesk runs' lists them"));
            MonteCarloResult r = monteCarlo.run(run);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(MonteCarloOptions.json(r).put("run_id", runId));
            } else {
                out.println("run " + runId + ": " + run.strategyId() + " on " + run.symbol() + ", " + run.config().from() + " .. "
                        + run.config().to());
                out.print(MonteCarloOptions.text(r));
            }
            out.flush();
        }
        return 0;
    }

    @Override
    public java.nio.file.Path dataDir() {
        return store.folder();
    }
}
