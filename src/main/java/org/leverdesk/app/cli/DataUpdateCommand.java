package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.app.context.MarketDataFeeds;
import org.leverdesk.config.DataFeed;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.Secrets;
import org.leverdesk.market.feed.MarketDataFeed;
import org.leverdesk.market.feed.MarketDataRefresher;
import org.leverdesk.market.feed.RefreshOptions;
import org.leverdesk.market.feed.RefreshReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code leverdesk data update}: fetches the daily bars the store is missing for every symbol an enabled
 * strategy reads (or {@code --symbols}), symbol by symbol, each in its own transaction.
 */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Fetch the daily bars the store is missing for every symbol an enabled strategy reads (or --symbols),",
                "from Alpaca's market data (keys in ALPACA_KEY_ID / ALPACA_SECRET_KEY or the secrets file) or from a",
                "folder of SYMBOL.csv files (--prices DIR). Incremental from the last stored final bar; while a session",
                "runs, also today's provisional bar (the session so far). Each symbol is written in one transaction,",
                "so an interrupted update loses at most the symbol in flight. Exit code 1 when a symbol could not be",
                "updated (refused, failed, no data)."})
public final class DataUpdateCommand implements Callable<Integer>, ForwardedCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    ConfigOptions config;

    @Option(names = "--symbols", paramLabel = "A,B", split = ",",
            description = "Update these symbols instead of the enabled strategies' ones.")
    List<String> symbols;

    @Option(names = "--full", description = "Fetch the whole history of the symbols again and replace the stored series"
            + " (after a split the stored series does not have).")
    boolean full;

    @Option(names = "--from", paramLabel = "DATE", converter = CalendarCommand.IsoDate.class,
            description = "Where a symbol without stored bars (or --full) starts (default: the feed's first day, 2016-01-01 on Alpaca).")
    LocalDate from;

    @Option(names = "--feed", paramLabel = "FEED", description = "Alpaca feed: iex (free) or sip (needs a plan with"
            + " real-time SIP); default: the settings' broker.dataFeed, IEX unless set.")
    String feed;

    @Override
    public Integer call() {
        DataFeed choice = feed == null ? null : switch (feed.toLowerCase(Locale.ROOT)) {
            case "iex" -> DataFeed.IEX;
            case "sip" -> DataFeed.SIP;
            default -> throw new IllegalArgumentException("--feed " + feed + " is not a feed; use iex or sip");
        };
        ConfigFile file = config.file();
        AppConfig cfg = file.load();
        Set<String> wanted = symbols != null && !symbols.isEmpty() ? normalise(symbols)
                : MarketDataFeeds.symbolsOf(cfg, file.path().toString());
        PrintWriter out = spec.commandLine().getOut();
        // Inside the daemon or the window when one owns the store (the channel runs it there).
        try (StoreLease lease = StoreLease.open(store.dataDir, store.create, null, 0, true);
             MarketDataFeed source = MarketDataFeeds.open(store.pricesDir, cfg, file.secrets(), lease.app().calendar(), choice)) {
            AppContext app = lease.app();
            MarketDataRefresher refresher = app.refresher(source);
            RefreshOptions options = RefreshOptions.DEFAULT.withHistoryStart(from).withFullReplace(full ? wanted : Set.of());
            out.println("updating " + wanted.size() + (wanted.size() == 1 ? " symbol" : " symbols") + " in " + app.storeLocation()
                    + " from " + source.label());
            RefreshReport report = refresher.refresh(wanted, Clock.systemUTC().instant(), options, (fraction, message) -> {
                out.println(message);
                out.flush();
            }, CancellationToken.NONE);
            out.println(report.summary());
            return report.ok() ? 0 : 1;
        }
    }

    private static Set<String> normalise(List<String> given) {
        Set<String> out = new TreeSet<>();
        for (String s : given) {
            String sym = s.trim().toUpperCase(Locale.ROOT);
            if (!sym.matches("[A-Z^][A-Z0-9.^-]{0,14}")) {
                throw new IllegalArgumentException("--symbols: '" + s + "' is not a ticker symbol; use letters and digits like TQQQ");
            }
            out.add(sym);
        }
        return out;
    }

    @Override
    public java.nio.file.Path dataDir() {
        return store.folder();
    }
}
