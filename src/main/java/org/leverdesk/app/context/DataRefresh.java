package org.leverdesk.app.context;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.Secrets;
import org.leverdesk.market.feed.MarketDataFeed;
import org.leverdesk.market.feed.MarketDataRefresher;
import org.leverdesk.market.feed.RefreshReport;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.strategy.Strategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The refresh a scheduled strategy run makes first: the bars its strategy reads, brought up to date from the
 * feed, with today's provisional bar during the session, so the decision sees today as a backtest does. A
 * refresh that fails is journalled and the run goes on: whether its prices are fresh enough to trade on is
 * the stale-data rule's call ({@link org.leverdesk.market.feed.LiveFreshness}), not this one's.
 */
public final class DataRefresh implements AutoCloseable {
    /** The journal kind of refresh problems. */
    public static final String KIND = "data-refresh";
    private static final Logger LOG = LoggerFactory.getLogger(DataRefresh.class);

    private final MarketDataFeed feed;
    private final MarketDataRefresher refresher;
    private final JournalRepository journal;

    private DataRefresh(MarketDataFeed feed, MarketDataRefresher refresher, JournalRepository journal) {
        this.feed = feed;
        this.refresher = refresher;
        this.journal = journal;
    }

    /**
     * The refresh for {@code app}'s store, or one that does nothing when prices do not come from the store
     * ({@code --prices DIR}) or no feed is configured (no Alpaca keys): said once in the log.
     */
    public static DataRefresh open(AppContext app, AppConfig config, Secrets secrets, JournalRepository journal) {
        if (!app.usesStorePrices()) {
            LOG.info("prices come from a CSV folder, so scheduled runs do not refresh the store");
            return new DataRefresh(null, null, journal);
        }
        try {
            MarketDataFeed feed = MarketDataFeeds.open(null, config, secrets, app.calendar(), null);
            return new DataRefresh(feed, app.refresher(feed), journal);
        } catch (MarketDataFeeds.NoFeedException e) {
            LOG.warn("scheduled runs will not refresh prices: {}", e.getMessage());
            return new DataRefresh(null, null, journal);
        }
    }

    /** True when a feed refreshes the store before each run (so decisions can be held to today's bar). */
    public boolean hasFeed() {
        return refresher != null;
    }

    /** Refreshes what {@code strategy} reads as of {@code now}; returns the report, or null when there is no feed or it failed. */
    public RefreshReport before(Strategy strategy, Instant now, CancellationToken cancel) {
        if (refresher == null) {
            return null;
        }
        Set<String> symbols = MarketDataFeeds.readSymbols(strategy);
        try {
            RefreshReport report = refresher.refresh(symbols, now, ProgressListener.NONE, cancel);
            for (String problem : report.problems()) {
                journal.append(KIND, strategy.id(), problem, null);
            }
            return report;
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("refreshing {} before {} failed", symbols, strategy.id(), e);
            journal.append(KIND, strategy.id(), "prices were not refreshed from " + feed.label() + ": " + e.getMessage(), null);
            return null;
        }
    }

    @Override
    public void close() {
        if (feed != null) {
            feed.close();
        }
    }
}
