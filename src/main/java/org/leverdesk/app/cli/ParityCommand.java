package org.leverdesk.app.cli;

import java.nio.file.Path;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.app.context.TradingRuntime;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.parity.ParityReplay;
import org.leverdesk.backtest.parity.ParityReport;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.execution.StrategyRun;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.schedule.JobDefinition;
import org.leverdesk.strategy.Strategy;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyDescriptor;
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
        StrategyDescriptor d = StrategyCatalog.builtIn().require(strategy);
        String traded = symbol == null || symbol.isBlank() ? d.defaultSymbol() : symbol.trim().toUpperCase(Locale.ROOT);
        Strategy s = d.factory().create(traded, parameters);
        BacktestConfig config = new BacktestConfig(from, to, capital, new CostModel(0, 0, slippageBps), false, null, true);
        List<JobDefinition> jobs = jobsOf(strategy, parameters);
        // The store's prices (inside the daemon or the window when one owns the store).
        try (StoreLease lease = StoreLease.open(store, 0, false)) {
            AppContext app = lease.app();
            ParityReport report = new ParityReplay(new NyseCalendar()).compare(new StrategyRun(s, 1, null, 1.0),
                    app.marketData(), traded, jobs, config, ProgressListener.NONE, CancellationToken.NONE);
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

    /** The strategy's scheduled jobs as the daemon would run them (its default schedule, and the follow-up). */
    static List<JobDefinition> jobsOf(String strategyId, Map<String, String> parameters) {
        StrategySettings settings = new StrategySettings(strategyId, true, 1.0, parameters, null);
        List<JobDefinition> all = TradingRuntime.jobsOf(AppConfig.defaults().withStrategy(settings));
        List<JobDefinition> mine = new ArrayList<>();
        for (JobDefinition j : all) {
            if (j.strategyId().equals(strategyId)) {
                mine.add(j);
            }
        }
        return mine;
    }

    @Override
    public Path dataDir() {
        return store.folder();
    }
}
