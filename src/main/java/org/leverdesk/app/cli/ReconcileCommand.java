package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.broker.Broker;
import org.leverdesk.config.AppConfig;
import org.leverdesk.execution.ExecutionService;
import org.leverdesk.execution.ReconciliationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk reconcile}: compare the store with the broker now; {@code --accept SYMBOL} lifts a hold. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"Compare the store with the broker now: order statuses and fills, open orders, positions against",
                "what Leverdesk's filled orders account for, and the symbols held until you confirm them.",
                "--accept SYMBOL confirms the broker's count of SYMBOL (after a position went missing, or shares",
                "bought outside Leverdesk under the 'block' policy): trading in it resumes.",
                "Exit code 1 while a symbol is held."})
public final class ReconcileCommand implements Callable<Integer>, ForwardedCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    ConfigOptions config;

    @Option(names = "--accept", paramLabel = "SYMBOL", description = "Confirm the broker's count of SYMBOL and lift its hold.")
    String accept;

    @Override
    public Integer call() {
        AppConfig cfg = config.file().load();
        PrintWriter out = spec.commandLine().getOut();
        try (StoreLease lease = StoreLease.open(store.dataDir, store.create, store.pricesDir, 0, true)) {
            AppContext app = lease.app();
            Broker broker = app.broker(cfg);
            ExecutionService service = app.execution(broker, cfg.risk(), cfg.broker().mode(), Clock.systemUTC());
            if (accept != null) {
                String symbol = accept.strip().toUpperCase(Locale.ROOT);
                if (!service.heldSymbols().containsKey(symbol)) {
                    out.println(symbol + " is not held; nothing to accept" + (service.heldSymbols().isEmpty() ? ""
                            : " (held: " + String.join(", ", service.heldSymbols().keySet()) + ")"));
                    out.flush();
                    return service.heldSymbols().isEmpty() ? 0 : 1;
                }
                out.println("accepted: " + service.acceptPosition(symbol, "cli"));
            } else {
                ReconciliationReport rec = service.reconcile();
                out.println("reconciled with " + rec.broker() + ": " + rec.positions().size() + " positions, "
                        + rec.openOrders().size() + " open orders, " + rec.differences().size() + " differences");
                rec.differences().forEach(d -> out.println("  difference: " + d));
                rec.positionChanges().forEach(d -> out.println("  " + d));
            }
            var held = service.heldSymbols();
            held.values().forEach(h -> out.println("held: " + h));
            if (held.isEmpty()) {
                out.println("no symbol is held");
            }
            out.flush();
            return held.isEmpty() ? 0 : 1;
        }
    }

    @Override
    public java.nio.file.Path dataDir() {
        return store.folder();
    }
}
