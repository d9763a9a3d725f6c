package org.leverdesk.app.desktop;

import org.leverdesk.app.context.Brokers;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.leverdesk.broker.alpaca.AlpacaHistory;
import org.leverdesk.broker.alpaca.AlpacaKeyCheck;
import org.leverdesk.broker.alpaca.AlpacaSession;
import org.leverdesk.broker.alpaca.AlpacaSettings;
import org.leverdesk.config.AlpacaEndpoint;
import org.leverdesk.config.Secrets;
import org.leverdesk.store.BarRepository;
import org.leverdesk.strategy.rotation.TickerGroups;
import org.leverdesk.ui.firstrun.AlpacaCredentials;
import org.leverdesk.ui.firstrun.HistoryFetch;
import org.leverdesk.ui.firstrun.KeyCheckResult;

/** The first-run dialog's Alpaca actions: checking typed keys and downloading daily history into the store. */
final class AlpacaLinks {
    /** What the first-run download fetches: the Nasdaq-100 ETFs and every rotation group's tickers. */
    static final List<String> HISTORY_SYMBOLS = historySymbols();
    /** Alpaca's daily history starts in 2016. */
    static final LocalDate HISTORY_FROM = LocalDate.of(2016, 1, 1);

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

    /** Downloads {@link #HISTORY_SYMBOLS} from 2016 to today with the saved keys into {@code bars}. */
    static HistoryFetch historyFetch(Secrets secrets, BarRepository bars) {
        return (progress, cancel) -> {
            try (AlpacaSession session = new AlpacaSession(Brokers.redirect(AlpacaSettings.fromSecrets(AlpacaEndpoint.PAPER, secrets)))) {
                LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
                Map<String, Integer> saved = new AlpacaHistory(session, bars).download(HISTORY_SYMBOLS, HISTORY_FROM, today,
                        progress, cancel);
                int total = saved.values().stream().mapToInt(Integer::intValue).sum();
                return "stored " + total + " daily bars of " + saved.size() + " symbols from Alpaca";
            }
        };
    }
}
