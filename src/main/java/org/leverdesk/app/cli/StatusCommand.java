package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.domain.GateResult;
import org.leverdesk.insight.AccountSnapshot;
import org.leverdesk.insight.RegimeStatus;
import org.leverdesk.strategy.catalog.SignalLabels;
import org.leverdesk.strategy.regime.RegimeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk status}: what the regime strategy would do if run now, without trading. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Print today's regime, signals, every gate with PASS/FAIL and its reason, and what the regime",
                "strategy would order if run now (\"if run now: buy 12 TQQQ\"). Nothing is traded.",
                "Today is the last session with data on or before today's date. The regime strategy's parameters come",
                "from the config, and the account is the configured one: the broker's equity x the regime's capital",
                "share, with its real TQQQ position (a flat $10,000 paper account when the broker cannot be read).",
                "--cash/--shares describe another account instead, for what-ifs.",
                "While the daemon or the window runs, this is answered by it."})
public final class StatusCommand implements Callable<Integer>, ForwardedCommand {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--cash", paramLabel = "USD", description = "Account cash to size against (default 10000).")
    Double cash;

    @Option(names = "--shares", paramLabel = "N", description = "Shares of the traded symbol (TQQQ) held now (default 0).")
    Long shares;

    @Option(names = "--as-of", paramLabel = "DATE", converter = CalendarCommand.IsoDate.class,
            description = "Evaluate as if it were DATE after the close (default: now).")
    LocalDate asOf;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() {
        if (cash != null && !(cash >= 0 && cash < 1e12)) {
            throw new IllegalArgumentException("--cash must be between 0 and 1,000,000,000,000 dollars (got " + cash + ")");
        }
        if (shares != null && shares < 0) {
            throw new IllegalArgumentException("--shares must be zero or more (got " + shares + ")");
        }
        RegimeConfig regime = regimeConfig();
        String symbol = regime.symbol();
        Clock now = asOf == null ? Clock.systemDefaultZone()
                : Clock.fixed(asOf.atTime(LocalTime.of(18, 0)).atZone(NEW_YORK).toInstant(), NEW_YORK);
        RegimeStatus s;
        org.leverdesk.risk.TradingState state = null;
        boolean whatIf = cash != null || shares != null;
        // The configured account needs the broker (the paper account lives in the store), a what-if does not.
        try (StoreLease lease = StoreLease.open(store, 0, !whatIf)) {
            AppContext app = lease.app();
            AccountSnapshot account = whatIf
                    ? new AccountSnapshot("given account", cash == null ? AccountSnapshot.PAPER_CASH : cash,
                            Map.of(symbol, shares == null ? 0L : shares))
                    : configuredAccount(lease, symbol);
            s = app.regimeInsight(regime, now, () -> account).status();
            if (!whatIf) {
                state = app.riskGate(Clock.systemUTC()).state();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (s.simulated()) {
            out.println("DEMO — simulated prices: nothing here is a real market; every figure below is DEMO");
        } else {
            out.println("prices: " + s.sourceLabel());
        }
        out.println("data date: " + s.dataDate() + " (today " + s.today() + ")");
        if (s.stale()) {
            out.println("warning: data ends " + s.dataDate() + " but the latest completed session is " + s.latestSession()
                    + "; import newer prices for a current status");
        }
        out.println("account: " + s.account().label() + " (cash " + money(s.account().cash()) + ", "
                + s.heldShares() + " " + symbol + " held)");
        if (state != null && state != org.leverdesk.risk.TradingState.ACTIVE) {
            // The account's kill switch (e.g. after close-all): the gates below judge the strategy, not the account.
            out.println("trading: " + state + " - orders that add to a position are denied until 'leverdesk resume'");
        }
        // in the window's words: "STRONG BULL (today STRONG BULL)", the confirmed regime and today's raw reading
        out.println("regime: " + name(s.confirmed()) + " (today " + name(s.raw()) + ")");
        out.println("signals:");
        // in the window's labels and units ("Momentum score (0–1): 1.00", "Slow SMA: $1,222.08"), not the keys
        s.signals().forEach((k, v) -> out.println("  " + SignalLabels.label(k) + ": " + SignalLabels.value(k, v)));
        long passed = s.gates().stream().filter(GateResult::passed).count();
        out.println("gates: " + passed + " of " + s.gates().size() + " pass");
        for (GateResult g : s.gates()) {
            out.println("  " + (g.passed() ? "PASS" : "FAIL") + " " + g.name() + ": " + g.reason() + " (" + g.inputs() + ")");
        }
        out.println("target: " + s.targetShares() + " " + symbol + ", held " + s.heldShares());
        out.println("decision: " + s.decision().explanation().summary());
        out.println("if run now: " + s.order().text());
        out.flush();
        return 0;
    }

    /** The regime parameters of the config (its defaults when the config has none or cannot be read). */
    private RegimeConfig regimeConfig() {
        try {
            var settings = config.file().read().strategy("regime");
            if (settings.isPresent()) {
                java.util.Map<String, String> params = new java.util.HashMap<>(settings.get().parameters());
                String sym = params.remove(org.leverdesk.config.ConfigValidator.SYMBOL);
                return RegimeConfig.parse(sym == null ? RegimeConfig.DEFAULT_SYMBOL : sym, params);
            }
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("note: the regime settings in the config cannot be used ("
                    + CliErrors.oneLine(e) + "); using the defaults");
        }
        return RegimeConfig.defaults();
    }

    private AccountSnapshot configuredAccount(StoreLease lease, String symbol) {
        LeasedBroker b = LeasedBroker.of(lease, config.file());
        if (!b.available()) {
            AccountSnapshot paper = AccountSnapshot.paper();
            return new AccountSnapshot(paper.label() + " (the broker " + b.name() + " cannot be read: " + b.problem() + ")",
                    paper.cash(), paper.shares());
        }
        org.leverdesk.config.AppConfig cfg;
        try {
            cfg = config.file().read();
        } catch (RuntimeException e) {
            cfg = org.leverdesk.config.AppConfig.defaults();
        }
        return org.leverdesk.app.context.ConfiguredAccount.of(b.broker(), cfg, "regime", java.util.Set.of(symbol));
    }

    @Override
    public java.nio.file.Path dataDir() {
        return store.folder();
    }

    private static String name(Enum<?> e) {
        return e == null ? "none (not enough history)" : e.name().replace('_', ' ');
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "$%,.2f", v);
    }
}
