package org.leverdesk.app.cli;

import org.leverdesk.app.context.LiveStrategies;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.CloseOutcome;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.execution.ExecutionService;
import org.leverdesk.strategy.Strategy;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk force-exit}: cancel open orders and close positions now, whatever the risk gate says. */
@Command(name = "force-exit", mixinStandardHelpOptions = true,
        description = {"Cancel the open orders and close the positions of one strategy's symbols (--strategy S) or of",
                "the whole account (--all) now, whatever the trading state. Prints per position what happened;",
                "exit code 1 when a position could not be closed."})
public final class ForceExitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    ConfigOptions config;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--strategy", paramLabel = "S", description = "Close strategy S's symbols.")
        String strategyId;

        @Option(names = "--all", description = "Close every position of the account.")
        boolean all;
    }

    @Override
    public Integer call() {
        ConfigFile file = config.file();
        AppConfig cfg = file.load();
        PrintWriter out = spec.commandLine().getOut();
        List<CloseOutcome> outcomes;
        try (AppContext app = AppContext.open(store.dataDir, store.pricesDir, 0, true)) {
            Broker broker = app.broker(cfg);
            ExecutionService service = app.execution(broker, cfg.risk(), cfg.broker().mode(), Clock.systemUTC());
            if (which.all) {
                out.println("force exit of the whole account (broker " + broker.name() + ")");
                outcomes = service.forceExitAll();
            } else {
                // A strategy not (or no longer) in the settings can still be exited with its default symbols.
                StrategySettings settings = cfg.strategy(which.strategyId).orElseGet(() -> new StrategySettings(
                        StrategyCatalog.builtIn().require(which.strategyId).id(), false, 1.0, null, null));
                Strategy strategy = LiveStrategies.strategy(settings);
                out.println("force exit of " + strategy.id() + " (" + String.join(", ", new java.util.TreeSet<>(strategy.tradedSymbols()))
                        + ") at broker " + broker.name());
                outcomes = service.forceExit(strategy.id(), strategy.tradedSymbols());
            }
        }
        if (outcomes.isEmpty()) {
            out.println("nothing to close");
        }
        boolean failed = false;
        for (CloseOutcome c : outcomes) {
            out.println("  " + c.symbol() + " " + c.quantity().stripTrailingZeros().toPlainString() + ": "
                    + (c.closed() ? "closed" : "FAILED") + " - " + c.detail()
                    + (c.brokerOrderId() == null ? "" : " (order " + c.brokerOrderId() + ")"));
            failed |= !c.closed();
        }
        out.flush();
        return failed ? 1 : 0;
    }
}
