package org.leverdesk.app.cli;

import org.leverdesk.app.context.LiveStrategies;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.leverdesk.store.Store;
import java.util.LinkedHashMap;
import java.util.Map;
import org.leverdesk.app.context.StoreOwner;
import org.leverdesk.risk.TradingState;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.app.context.DataRefresh;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.config.Secrets;
import org.leverdesk.market.feed.LiveFreshness;
import org.leverdesk.market.feed.RefreshReport;
import org.leverdesk.broker.Broker;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerKind;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.execution.ExecutionService;
import org.leverdesk.execution.OrderOutcome;
import org.leverdesk.execution.PlannedOrder;
import org.leverdesk.execution.ReconciliationReport;
import org.leverdesk.execution.RunResult;
import org.leverdesk.execution.StrategyRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk run}: one decision cycle of the enabled strategies against the configured broker. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run one decision cycle for the enabled strategies (or --strategy S): reconcile with the broker,",
                "decide, plan, check quotes and the risk gate, record each order's intent, then send it.",
                "--dry-run prints the orders it would send and sends and records nothing.",
                "-P name=value (or -P S.name=value) overrides a parameter for this run only, checked like the config.",
                "On the simulated DEMO market every decision and order line starts with DEMO.",
                "Exit code 1 when an order was rejected (now, or since the last run) or its outcome is unknown."})
public final class RunCommand implements Callable<Integer>, ForwardedCommand {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** --as-of decides at 15:50 New York time, the regime strategy's decision minute. */
    private static final LocalTime DECISION_TIME = LocalTime.of(15, 50);

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    ConfigOptions config;

    @Option(names = "--strategy", paramLabel = "S", description = "Run only strategy S (its id in the settings).")
    String strategyId;

    @Option(names = "--dry-run", description = "Plan and print the orders; send nothing and store nothing.")
    boolean dryRun;

    @Option(names = "--as-of", paramLabel = "DATE", converter = CalendarCommand.IsoDate.class,
            description = "Replay DATE at 15:50 New York time with the prices known then, on a fresh paper account that is thrown away.")
    LocalDate asOf;

    @Option(names = "--confirm-live", description = "Required to send real-money orders when the settings select LIVE trading.")
    boolean confirmLive;

    @Option(names = {"-P", "--param"}, paramLabel = "NAME=VALUE",
            description = "Override a strategy parameter for this run (S.NAME=VALUE when several strategies run), e.g. -P core=GLD,SLX.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--if-scheduled", description = {"Run only the chosen strategies whose schedule has a job within 5 minutes",
            "of now (New York time), so one cron line per minute candidate replaces the calendar logic: e.g. at 12:50",
            "and 15:50 on weekdays it trades on early-close days at 12:50 and on other days at 15:50 (seed 000's",
            "'run --halfday-check'); holidays and the wrong minute do nothing."})
    boolean ifScheduled;

    /** "DEMO " before every line that decides or trades on simulated prices. */
    private String demo = "";

    @Override
    public Integer call() {
        ConfigFile file = config.file();
        AppConfig cfg = file.load();
        if (cfg.broker().mode() == TradingMode.LIVE && !dryRun && !confirmLive && asOf == null) {
            // The config switch alone is not enough for real money: the UI asks, the CLI needs this flag.
            throw new IllegalArgumentException("the settings in " + file.path() + " select LIVE trading with real money;"
                    + " add --confirm-live to send orders, or use --dry-run");
        }
        List<StrategySettings> all = RunOverrides.apply(cfg, LiveStrategies.chosen(cfg, strategyId, file.path().toString()),
                overrides);
        List<StrategySettings> chosen = ifScheduled && asOf == null
                ? ScheduledNow.of(all, java.time.Instant.now(), spec.commandLine().getOut()) : all;
        if (chosen.isEmpty()) {
            return 0;
        }
        Clock clock = asOf == null ? Clock.systemUTC()
                : Clock.fixed(asOf.atTime(DECISION_TIME).atZone(NEW_YORK).toInstant(), NEW_YORK);
        PrintWriter out = spec.commandLine().getOut();
        boolean trouble = false;
        try (StoreLease lease = StoreLease.open(store, 0, true)) {
            AppContext app = lease.app();
            var owner = lease.owner();
            if (owner.flatMap(StoreOwner::trading).isPresent() && asOf == null && !dryRun) {
                throw new IllegalStateException(owner.get().description() + " trades the enabled strategies itself at their"
                        + " minute; use 'leverdesk run --dry-run' to see what it would do now, or stop it first");
            }
            boolean simulated = app.marketData().isSimulated();
            demo = simulated ? "DEMO " : "";
            if (simulated && cfg.broker().kind() == BrokerKind.ALPACA && asOf == null && !dryRun) {
                throw new IllegalStateException("the prices are the simulated DEMO market, but the broker is Alpaca: no order"
                        + " is sent to a real account on simulated prices; import real prices ('leverdesk import') or pass"
                        + " --prices DIR");
            }
            chosen.forEach(s -> TickerParameters.requireKnown(s.strategyId(), RunOverrides.of(s.strategyId(), overrides,
                    chosen.size()), app.marketData()));
            if (asOf != null) {
                trouble = replay(app, cfg, chosen, clock, out);
            } else {
                Broker broker = app.broker(cfg, file.secrets(), Clock.systemUTC());
                // As the scheduler does: the prices each strategy reads are refreshed from the feed first (kept
                // even in a dry run: they are market data, not trading), and with a feed a decision needs today's bar.
                try (DataRefresh refresh = DataRefresh.open(app, cfg, file.secrets(), app.journal())) {
                    ExecutionService service = refresh.hasFeed()
                            ? app.execution(broker, cfg.risk(), cfg.broker().mode(), clock, new LiveFreshness(app.calendar()))
                            : app.execution(broker, cfg.risk(), cfg.broker().mode(), clock);
                    service.setPortfolio(cfg.portfolio());
                    out.println("mode: " + (simulated ? "DEMO - simulated prices, " + cfg.broker().mode() + " broker " + broker.name()
                            + " (nothing here is a real market)" : cfg.broker().mode() + " (broker " + broker.name() + ")")
                            + (dryRun ? " - DRY RUN: nothing is sent or stored" : ""));
                    TradingState state = app.riskGate(Clock.systemUTC()).state();
                    if (state != TradingState.ACTIVE) {
                        out.println("trading is " + state + ": orders that add to a position are denied until 'leverdesk resume'");
                    }
                    for (StrategySettings s : chosen) {
                        StrategyRun run = LiveStrategies.run(s, app.strategyVersions());
                        RefreshReport prices = refresh.before(run.strategy(), clock.instant(), CancellationToken.NONE);
                        if (prices != null) {
                            out.println("prices: " + prices.summary());
                            prices.problems().forEach(p -> out.println("prices: " + p));
                        }
                        trouble |= print(out, run, service.run(run, dryRun));
                    }
                }
            }
        }
        out.flush();
        return trouble ? 1 : 0;
    }

    @Override
    public Path dataDir() {
        return store.folder();
    }

    /**
     * A past day replayed on a fresh $100,000 paper account in a throwaway store, with the prices known
     * at {@code clock}: the user's paper account, order history and journal are never touched.
     */
    private boolean replay(AppContext app, AppConfig cfg, List<StrategySettings> chosen, Clock clock, PrintWriter out) {
        Path dir;
        try {
            dir = Files.createTempDirectory("leverdesk-replay-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the replay's paper account: " + e.getMessage(), e);
        }
        try (Store replayStore = Store.open(dir)) {
            Broker broker = app.replayBroker(replayStore, clock);
            ExecutionService service = new ExecutionService(broker, app.marketData(), app.calendar(), replayStore, cfg.risk(),
                    TradingMode.PAPER, clock);
            out.println(demo + "replay of " + asOf + " at 15:50 New York time on a fresh paper account (broker " + broker.name()
                    + "; nothing is kept)" + (dryRun ? " - DRY RUN: nothing is sent" : ""));
            boolean trouble = false;
            // Versions are recorded in the replay's own store, which its decisions and orders reference.
            var versions = new org.leverdesk.store.StrategyVersionRepository(replayStore, clock,
                    org.leverdesk.strategy.catalog.StrategyCatalog.builtIn());
            for (StrategySettings s : chosen) {
                StrategyRun run = LiveStrategies.run(s, versions);
                trouble |= print(out, run, service.run(run, dryRun));
            }
            return trouble;
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the replay's result was already printed.
        }
    }

    /** Prints one strategy's run; true when an order was rejected or ended unknown. */
    private boolean print(PrintWriter out, StrategyRun run, RunResult r) {
        out.println(demo + String.format(Locale.ROOT, "strategy %s v%d (capital share %.0f%%), trading day %s", r.strategyId(),
                run.version(), run.capitalShare() * 100, r.tradingDay()));
        ReconciliationReport rec = r.reconciliation();
        if (rec != null) {
            out.println("reconciled: " + rec.positions().size() + " positions, " + rec.openOrders().size() + " open orders, "
                    + rec.differences().size() + " differences");
            rec.differences().forEach(d -> out.println("  difference: " + d));
            rec.positionChanges().forEach(d -> out.println("  " + d));
            rec.holds().forEach(h -> out.println("held: " + h));
        }
        out.println(demo + "decision: " + r.decision().explanation().summary());
        r.blockedQuotes().forEach(b -> out.println(demo + "blocked: " + b));
        r.plan().skipped().forEach(s -> out.println(demo + "not traded: " + s));
        if (r.outcomes().isEmpty()) {
            out.println(demo + "no orders");
        }
        boolean trouble = false;
        for (OrderOutcome o : r.outcomes()) {
            PlannedOrder p = o.order();
            if (o.kind() == OrderOutcome.Kind.DRY_RUN) {
                out.println(demo + "would send: " + p.text() + " (" + p.clientOrderId() + ") - " + p.reason());
            } else {
                out.println(demo + "order: " + p.text() + " (" + p.clientOrderId() + ") " + o.kind()
                        + (o.status() == null ? "" : " " + o.status()) + " - " + o.detail());
            }
            trouble |= o.kind() == OrderOutcome.Kind.REJECTED || o.kind() == OrderOutcome.Kind.UNKNOWN;
        }
        // An order of an earlier run that the broker rejected since (found by this run's reconciliation) counts too.
        if (rec != null) {
            for (ReconciliationReport.Ended e : rec.ended()) {
                out.println("order " + e.order().clientOrderId() + " of " + e.strategyId() + " ended " + e.order().status()
                        + " at the broker (filled " + e.order().filledQuantity().stripTrailingZeros().toPlainString() + " of "
                        + e.order().quantity().stripTrailingZeros().toPlainString() + ")");
            }
            trouble |= rec.lateRejection();
        }
        return trouble;
    }
}
