package org.leverdesk.app.context;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.leverdesk.broker.alpaca.AlpacaDataFeed;
import org.leverdesk.broker.alpaca.AlpacaSettings;
import org.leverdesk.common.LoopbackHost;
import org.leverdesk.config.AlpacaEndpoint;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerKind;
import org.leverdesk.config.DataFeed;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.market.feed.FeedTiming;
import org.leverdesk.market.feed.HistoricalFeed;
import org.leverdesk.market.feed.MarketDataFeed;
import org.leverdesk.strategy.Strategy;
import org.slf4j.LoggerFactory;

/**
 * Picks the market-data feed a refresh reads and the symbols it refreshes: a CSV folder when one is given
 * ({@code --prices DIR}), else Alpaca's market data whenever Alpaca keys are set (a free Alpaca account is
 * enough, whatever broker trades), else none, with the one line that says how to get one.
 */
public final class MarketDataFeeds {
    /**
     * System property that points the market data adapter at another server (a test's fake market data
     * server); {@link Brokers#ALPACA_URL_PROPERTY} is used when it is unset, Alpaca's own host when both are.
     */
    public static final String ALPACA_DATA_URL_PROPERTY = "leverdesk.alpaca.data.url";

    private MarketDataFeeds() {
    }

    /** Why no feed could be opened; the message is one line that says what to do. */
    public static final class NoFeedException extends IllegalArgumentException {
        public NoFeedException(String message) {
            super(message);
        }
    }

    /**
     * The feed: the CSV folder {@code pricesDir} when given, else Alpaca (keys from {@code secrets}, paper or live
     * endpoint as the settings say; the market data host is the same for both) on {@code feedOverride}, or when
     * that is null on the settings' feed ({@code broker.dataFeed}, IEX unless set to SIP).
     *
     * @throws NoFeedException when neither is available
     */
    public static MarketDataFeed open(Path pricesDir, AppConfig config, Secrets secrets, TradingCalendar calendar,
                                      DataFeed feedOverride) {
        FeedTiming timing = new FeedTiming(calendar);
        if (pricesDir != null) {
            if (!Files.isDirectory(pricesDir)) {
                throw new NoFeedException("--prices " + pricesDir + " is not a folder; give a folder holding <SYMBOL>.csv files");
            }
            return new HistoricalFeed(new CsvDirectoryMarketData(pricesDir, new CsvBarReader(calendar)), timing,
                    "CSV folder " + pricesDir, "csv-folder");
        }
        if (secrets.get(Secrets.ALPACA_KEY_ID).isEmpty() || secrets.get(Secrets.ALPACA_SECRET_KEY).isEmpty()) {
            throw new NoFeedException("no market-data feed: set ALPACA_KEY_ID and ALPACA_SECRET_KEY (a free Alpaca account"
                    + " gives IEX prices; or enter the keys in the first-run dialog), or pass --prices DIR to update from"
                    + " a folder of SYMBOL.csv files");
        }
        AlpacaEndpoint endpoint = config.broker().kind() == BrokerKind.ALPACA ? config.broker().alpacaEndpoint() : AlpacaEndpoint.PAPER;
        AlpacaSettings settings = redirect(AlpacaSettings.fromSecrets(endpoint, secrets));
        return AlpacaDataFeed.open(settings, timing, feedOverride != null ? feedOverride : config.broker().dataFeed());
    }

    /** {@code settings} pointed at the server named by {@link #ALPACA_DATA_URL_PROPERTY} (or the broker's one). */
    static AlpacaSettings redirect(AlpacaSettings settings) {
        String url = System.getProperty(ALPACA_DATA_URL_PROPERTY);
        if (url == null || url.isBlank()) {
            return Brokers.redirect(settings);
        }
        URI to = URI.create(url);
        // The request limiter keeps Alpaca's quota, in wall-clock minutes; a data server on this machine (the tests'
        // fake Alpaca, replaying sessions on a simulated clock) has no such quota, and limiting it made a daemon
        // replay of 60 sessions wait minutes per session in the limiter (its 429s are still honoured).
        return LoopbackHost.is(to.getHost()) ? settings.withBaseUrl(to).withRequestsPerMinute(LOOPBACK_REQUESTS_PER_MINUTE) : settings.withBaseUrl(to);
    }

    /** Requests a minute to a data server on 127.0.0.1 (see {@link #redirect}). */
    static final int LOOPBACK_REQUESTS_PER_MINUTE = 1_000_000;

    /**
     * Every symbol an enabled strategy reads: its symbols and its optional ones (a rotation's universe), in
     * alphabetical order. A strategy whose parameters are invalid cannot run, so it adds nothing.
     *
     * @throws IllegalArgumentException when no strategy is enabled
     */
    public static Set<String> symbolsOf(AppConfig config, String configPath) {
        if (config.enabledStrategies().isEmpty()) {
            throw new IllegalArgumentException("no strategy is enabled in " + configPath + ", so no symbol needs prices;"
                    + " enable one in Settings (or name them: leverdesk data update --symbols A,B)");
        }
        Set<String> out = new TreeSet<>();
        for (StrategySettings s : config.enabledStrategies()) {
            try {
                out.addAll(readSymbols(LiveStrategies.strategy(s)));
            } catch (IllegalArgumentException e) {
                LoggerFactory.getLogger(MarketDataFeeds.class).warn("strategy {} has invalid settings and adds no symbols: {}",
                        s.strategyId(), e.getMessage());
            }
        }
        return out;
    }

    /** What one strategy reads: {@link Strategy#symbols()} and {@link Strategy#optionalSymbols()}. */
    public static Set<String> readSymbols(Strategy strategy) {
        Set<String> out = new LinkedHashSet<>(strategy.symbols());
        out.addAll(strategy.optionalSymbols());
        return out;
    }
}
