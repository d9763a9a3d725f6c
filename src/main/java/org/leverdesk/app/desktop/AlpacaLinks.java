package org.leverdesk.app.desktop;

import org.leverdesk.app.context.AppContext;
import org.leverdesk.app.context.Brokers;
import org.leverdesk.app.context.MarketDataFeeds;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.leverdesk.broker.alpaca.AlpacaDataFeed;
import org.leverdesk.broker.alpaca.AlpacaKeyCheck;
import org.leverdesk.broker.alpaca.AlpacaSettings;
import org.leverdesk.config.AlpacaEndpoint;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.Secrets;
import org.leverdesk.market.feed.MarketDataFeed;
import org.leverdesk.market.feed.RefreshOptions;
import org.leverdesk.market.feed.RefreshReport;
import org.leverdesk.strategy.rotation.TickerGroups;
import org.leverdesk.ui.firstrun.AlpacaCredentials;
import org.leverdesk.ui.firstrun.HistoryFetch;
import org.leverdesk.ui.firstrun.KeyCheckResult;

/** The first-run dialog's Alpaca actions: checking typed keys and downloading daily history into the store. */
final class AlpacaLinks {
    /** What the first-run download fetches: the Nasdaq-100 ETFs and every rotation group's tickers. */
    static final List<String> HISTORY_SYMBOLS = historySymbols();
    /** Alpaca's daily history starts in 2016. */
    static final LocalDate HISTORY_FROM = AlpacaDataFeed.HISTORY_START;

    private AlpacaLinks() {
    }

    private static List<String> historySymbols() {
        java.util.Set<String> symbols = new java.util.LinkedHashSet<>(List.of("QQQ", "TQQQ", "SQQQ", "QQQM"));
        symbols.addAll(TickerGroups.defaults().all());
        return List.copyOf(symbols);
    }

    /** Checks keys against Alpaca's paper endpoint with a real account call. */
    static Function<AlpacaCredentials, KeyCheckResult> keyCheck() {
        return creds -> {
            AlpacaKeyCheck.Result r = AlpacaKeyCheck.check(Brokers.redirect(AlpacaSettings.of(AlpacaEndpoint.PAPER, creds.keyId(),
                    creds.secretKey())));
            return new KeyCheckResult(r.ok(), r.message());
        };
    }

    /**
     * Downloads {@link #HISTORY_SYMBOLS} from 2016 to the last final session with the saved keys into the
     * store: the same refresh as {@code leverdesk data update} (validated, split-checked, one transaction per
     * symbol, so a cancelled download keeps the symbols finished before).
     */
    static HistoryFetch historyFetch(Secrets secrets, AppContext app) {
        return (progress, cancel) -> {
            try (MarketDataFeed feed = MarketDataFeeds.open(null, AppConfig.defaults(), secrets, app.calendar(), null)) {
                RefreshReport r = app.refresher(feed).refresh(Set.copyOf(HISTORY_SYMBOLS), Clock.systemUTC().instant(),
                        RefreshOptions.DEFAULT.withHistoryStart(HISTORY_FROM), progress, cancel);
                String problems = r.problems().isEmpty() ? "" : "; " + r.problems().size() + " not stored: " + r.problems().get(0);
                return "stored " + r.barsWritten() + " daily bars of " + (r.symbols().size() - r.problems().size())
                        + " symbols from " + feed.label() + problems;
            }
        };
    }
}
