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
                "Today is the last session with data on or before today's date; the account is a flat $10,000",
                "paper account unless --cash/--shares describe another one."})
public final class StatusCommand implements Callable<Integer> {
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

    @Override
    public Integer call() {
        String symbol = RegimeConfig.DEFAULT_SYMBOL;
        AccountSnapshot account = cash == null && shares == null ? AccountSnapshot.paper()
                : new AccountSnapshot("given account", cash == null ? AccountSnapshot.PAPER_CASH : cash,
                        Map.of(symbol, shares == null ? 0L : shares));
        RegimeStatus s;
        try (AppContext app = AppContext.open(store.dataDir, store.pricesDir, 0, false)) {
            s = asOf == null ? app.regimeInsight(account).status()
                    : app.regimeInsight(account, Clock.fixed(asOf.atTime(LocalTime.of(18, 0)).atZone(NEW_YORK).toInstant(), NEW_YORK))
                            .status();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (s.simulated()) {
            out.println("DEMO — simulated prices: nothing here is a real market");
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
        out.println("regime: " + name(s.confirmed()) + " confirmed (raw " + name(s.raw()) + ")");
        out.println("signals:");
        s.signals().forEach((k, v) -> out.println("  " + k + " = " + number(v)));
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

    private static String name(Enum<?> e) {
        return e == null ? "none (not enough history)" : e.name();
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "$%,.2f", v);
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
