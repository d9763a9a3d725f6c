package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.Split;
import org.leverdesk.store.SplitRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code leverdesk data split SYMBOL --date D --ratio 2:1}: records a stock split by hand (for a paper account
 * without Alpaca keys, whose corporate actions otherwise come from Alpaca's feed). The paper account applies it at
 * the ex-date's open (or at once, if it is entered during the ex-date's session), and the store's older bars of the
 * symbol are divided by the ratio then. {@code --list} shows the known splits.
 */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = {"Record a stock split (new:old shares, e.g. --ratio 2:1 forward, --ratio 1:10 reverse) going ex on",
                "--date. The paper account applies it at that session's open: shares x ratio, average cost and open",
                "orders' limit/stop prices / ratio, a fraction of a share paid as cash in lieu; the store's older bars of",
                "the symbol are divided by the ratio. --list shows the known splits. Splits from Alpaca's corporate",
                "actions are recorded by 'data update' on their own."})
public final class DataSplitCommand implements Callable<Integer>, ForwardedCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SYMBOL", description = "The symbol that splits.")
    String symbol;

    @Option(names = "--date", paramLabel = "DATE", converter = CalendarCommand.IsoDate.class,
            description = "The ex-date: the first session on the new share basis.")
    LocalDate date;

    @Option(names = "--ratio", paramLabel = "NEW:OLD", description = "New shares for old ones: 2:1, 3:2, 1:10.")
    String ratio;

    @Option(names = "--list", description = "List the known splits and whether the stored bars were adjusted.")
    boolean list;

    /** The clock the ex-date is checked against (tests replace it). */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            try (StoreLease lease = StoreLease.open(store.dataDir, store.create, null, 0, true)) {
                SplitRepository splits = lease.app().splits();
                List<Split> all = splits.all();
                if (all.isEmpty()) {
                    out.println("no splits known");
                }
                for (Split s : all) {
                    out.println(s.describe() + " (" + s.source() + (splits.barsAdjusted(s) ? ", stored bars adjusted)" : ")"));
                }
            }
            return 0;
        }
        if (symbol == null || date == null || ratio == null) {
            throw new IllegalArgumentException("data split needs SYMBOL, --date and --ratio (e.g. data split TQQQ --date 2027-01-04"
                    + " --ratio 2:1), or --list");
        }
        Split split = Split.parse(symbol, date, ratio, "manual");
        if (!split.symbol().matches("[A-Z][A-Z0-9.-]{0,15}")) {
            throw new IllegalArgumentException("'" + symbol + "' is not a ticker symbol; use letters and digits like TQQQ");
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(NyseCalendar.ZONE).toLocalDate();
        try (StoreLease lease = StoreLease.open(store.dataDir, store.create, null, 0, true)) {
            AppContext app = lease.app();
            if (!app.calendar().isTradingDay(date)) {
                throw new IllegalArgumentException(date + " is not an NYSE session; a split goes ex on a trading day");
            }
            if (date.isBefore(today)) {
                throw new IllegalArgumentException("the ex-date " + date + " has passed: the paper account applies a split at its"
                        + " ex-date's open only; for the price history alone re-import the whole file (leverdesk import FILE"
                        + " --replace) or run 'leverdesk data update --symbols " + split.symbol() + " --full'");
            }
            SplitRepository splits = app.splits();
            boolean added = splits.record(split, now);
            out.println((added ? "recorded the " : "already known: the ") + split.describe() + "; the paper account applies it at"
                    + (date.equals(today) ? " its next refresh today" : " that session's open")
                    + ", and the stored bars of " + split.symbol() + " before " + date + " are divided by " + split.ratioText()
                    + " then");
            return 0;
        }
    }

    @Override
    public java.nio.file.Path dataDir() {
        return store.folder();
    }
}
