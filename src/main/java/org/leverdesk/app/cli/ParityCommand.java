package org.leverdesk.app.cli;

import java.nio.file.Path;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.backtest.BacktestRequest;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.app.context.ParityService;
import org.leverdesk.backtest.parity.ParityReport;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk parity}: replays sessions through the live path and compares them with a backtest of the same days. */
@Command(name = "parity", mixinStandardHelpOptions = true,
        description = "Replay sessions through the live path (paper broker, scheduled jobs on a simulated clock, data fed"
                + " one session at a time) and compare decisions, orders, fills and daily equity with a backtest of the"
                + " same days; prints the first difference or 'identical over N sessions'.")
public final class ParityCommand implements Callable<Integer>, ForwardedCommand {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--strategy", required = true, paramLabel = "ID", description = "Strategy id, e.g. rsi2.")
    String strategy;

    @Option(names = "--symbol", paramLabel = "SYM", description = "Traded symbol (default: the strategy's).")
    String symbol;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First session (inclusive).")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last session (inclusive).")
    LocalDate to;

    @Option(names = "--capital", defaultValue = "100000", paramLabel = "USD", description = "Starting capital (default: ${DEFAULT-VALUE}).")
    double capital;

    @Option(names = "--slippage-bps", defaultValue = "0", paramLabel = "BPS",
            description = "Half-spread of both runs' quotes in basis points (default: ${DEFAULT-VALUE}).")
    double slippageBps;

    @Option(names = {"-P", "--param"}, paramLabel = "NAME=VALUE", description = "Strategy parameter, e.g. -P entryRsi=25.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print one JSON object instead of the summary line.")
    boolean json;

    @Override
    public Integer call() {
        BacktestRequest request = new BacktestRequest(strategy, symbol, from, to, capital, new CostModel(0, 0, slippageBps), null,
                parameters);
        // The store's prices (inside the daemon or the window when one owns the store).
        try (StoreLease lease = StoreLease.open(store, 0, false)) {
            AppContext app = lease.app();
            ParityReport report = new ParityService(app.marketData(), new NyseCalendar(), StrategyCatalog.builtIn())
                    .replay(request, ProgressListener.NONE, CancellationToken.NONE);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("strategy", report.strategyId());
                j.put("from", report.from().toString());
                j.put("to", report.to().toString());
                j.put("sessions", report.sessions());
                j.put("decisions", report.decisions());
                j.put("orders", report.orders());
                j.put("fills", report.fills());
                j.put("identical", report.identical());
                j.put("first_difference", report.identical() ? null : report.firstDifference().toString());
                out.println(org.leverdesk.common.JsonText.of(j));
            } else {
                out.println(strategy + " " + report.from() + " .. " + report.to() + " (" + app.marketData().sourceLabel() + "): "
                        + report.summary());
            }
            out.flush();
            return report.identical() ? 0 : 1;
        }
    }

    @Override
    public Path dataDir() {
        return store.folder();
    }
}
