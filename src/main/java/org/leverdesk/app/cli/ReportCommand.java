package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.AccountReports;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.config.AppConfig;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.report.account.AccountReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leverdesk report daily|weekly}: the account report the scheduler writes after the close, on demand. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the daily or weekly account report (Markdown, with an equity chart PNG) to <data dir>/reports and print it:"
                + " equity and P&L, positions by strategy, orders, decisions/fills/events, the risk guard, next runs.")
public final class ReportCommand implements Callable<Integer>, ForwardedCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", paramLabel = "daily|weekly", description = "Which report.")
    String which;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day (weekly: the week that holds it, Monday to that day); default today in New York.")
    LocalDate date;

    @Override
    public Integer call() {
        AccountReport.Kind kind = switch (which.trim().toLowerCase(Locale.ROOT)) {
            case "daily" -> AccountReport.Kind.DAILY;
            case "weekly" -> AccountReport.Kind.WEEKLY;
            default -> throw new IllegalArgumentException("the report is 'daily' or 'weekly' (got '" + which + "')");
        };
        Clock clock = Clock.systemUTC();
        LocalDate day = date != null ? date : LocalDate.now(clock.withZone(NyseCalendar.ZONE));
        // Inside the daemon or the window when one owns the store: its config and broker.
        try (StoreLease lease = StoreLease.open(store, 0, true)) {
            AppContext app = lease.app();
            AppConfig cfg = config.file(lease).load();
            org.leverdesk.broker.Broker broker = lease.owner().flatMap(org.leverdesk.app.context.StoreOwner::trading)
                    .map(org.leverdesk.app.context.TradingRuntime::broker).orElseGet(() -> app.broker(cfg));
            AccountReports.Written w = new AccountReports(app, cfg, broker).write(kind, day, clock.instant());
            PrintWriter out = spec.commandLine().getOut();
            out.print(w.markdown());
            out.println();
            out.println("written to " + w.file() + (w.chart() == null ? "" : " (chart " + w.chart().getFileName() + ")"));
            out.flush();
            return 0;
        }
    }

    @Override
    public java.nio.file.Path dataDir() {
        return store.folder();
    }
}
