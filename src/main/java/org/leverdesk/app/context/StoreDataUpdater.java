package org.leverdesk.app.context;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.Secrets;
import org.leverdesk.market.feed.DataUpdater;
import org.leverdesk.market.feed.MarketDataFeed;
import org.leverdesk.market.feed.RefreshReport;

/**
 * The Data view's "Update prices": reads the settings and keys when asked (they change while the window is
 * open), so a key entered in the first-run dialog or a strategy enabled in Settings counts at once.
 */
public final class StoreDataUpdater implements DataUpdater {
    private final AppContext app;
    private final ConfigFile config;
    private final Secrets secrets;
    private final Clock clock;

    public StoreDataUpdater(AppContext app, ConfigFile config, Secrets secrets, Clock clock) {
        this.app = app;
        this.config = config;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public Optional<String> unavailable() {
        try {
            symbols();
            if (secrets.get(Secrets.ALPACA_KEY_ID).isEmpty() || secrets.get(Secrets.ALPACA_SECRET_KEY).isEmpty()) {
                return Optional.of("Connect Alpaca (a free account gives IEX prices) to update prices here, or import CSV files");
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public String describe() {
        return String.join(", ", symbols()) + " from Alpaca market data";
    }

    @Override
    public RefreshReport update(ProgressListener progress, CancellationToken cancel) {
        Set<String> symbols = symbols();
        AppConfig cfg = config.load();
        try (MarketDataFeed feed = MarketDataFeeds.open(null, cfg, secrets, app.calendar(), null)) {
            return app.refresher(feed).refresh(symbols, clock.instant(), progress, cancel);
        }
    }

    private Set<String> symbols() {
        return MarketDataFeeds.symbolsOf(config.load(), config.path().toString());
    }
}
