package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.strategy.regime.RegimeConfig;
import org.leverdesk.strategy.regime.RegimeRules;
import org.leverdesk.strategy.regime.RegimeSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code leverdesk regime}: QQQ's SMAs and raw and confirmed regimes per trading day. */
@Command(name = "regime", mixinStandardHelpOptions = true,
        description = {"Print date,close,sma50,sma250,raw,confirmed for each QQQ trading day from --from to --to.",
                "The regime is computed from the first bar of the data (cold start: CAUTIOUS on the 250th bar);",
                "days before an SMA exists leave its fields and the regimes empty."})
public final class RegimeCommand implements Callable<Integer>, ForwardedCommand {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DATE", converter = CalendarCommand.IsoDate.class,
            description = "First date, ISO format (e.g. 2020-02-03).")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", converter = CalendarCommand.IsoDate.class,
            description = "Last date, ISO format (e.g. 2020-04-30).")
    LocalDate to;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        if (from.isAfter(to)) {
            throw new ParameterException(spec.commandLine(), "from " + from + " is after to " + to
                    + "; give a start on or before the end");
        }
        RegimeRules rules = RegimeRules.defaults();
        BarSeries qqq;
        try (StoreLease lease = StoreLease.open(store, 0, false)) {
            qqq = lease.app().marketData().barsUpTo(RegimeConfig.DEFAULT_SIGNAL_SYMBOL, to);
        }
        // All bars up to --to, so the SMAs and the confirmed regime warm up before --from exactly as a strategy sees them.
        RegimeSeries regimes = RegimeSeries.of(qqq.between(qqq.isEmpty() ? from : qqq.firstDate(), to), rules);
        PrintWriter out = spec.commandLine().getOut();
        out.println("date,close,sma" + rules.fastPeriod() + ",sma" + rules.slowPeriod() + ",raw,confirmed");
        for (int i = 0; i < regimes.size(); i++) {
            if (regimes.date(i).isBefore(from)) {
                continue;
            }
            out.println(regimes.date(i) + "," + BigDecimal.valueOf(regimes.close(i)).toPlainString() + ","
                    + sma(regimes.fastSma(i)) + "," + sma(regimes.slowSma(i)) + ","
                    + (regimes.raw(i) == null ? "" : regimes.raw(i).name()) + ","
                    + (regimes.confirmed(i) == null ? "" : regimes.confirmed(i).name()));
        }
        out.flush();
        return 0;
    }

    @Override
    public java.nio.file.Path dataDir() {
        return store.folder();
    }

    private static String sma(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }
}
