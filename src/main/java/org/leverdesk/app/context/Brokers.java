package org.leverdesk.app.context;

import java.net.URI;
import java.time.Clock;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.alpaca.AlpacaBroker;
import org.leverdesk.broker.alpaca.AlpacaSession;
import org.leverdesk.broker.alpaca.AlpacaSettings;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.ConfigException;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.Secrets;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.store.Store;

/** Picks the broker adapter the settings ask for: the built-in paper broker (default) or Alpaca. */
public final class Brokers {
    /**
     * System property that points the Alpaca adapter at another server (a local test server or a
     * proxy); Alpaca's own hosts are used when it is unset.
     */
    public static final String ALPACA_URL_PROPERTY = "leverdesk.alpaca.url";

    private Brokers() {
    }

    /** The broker and, for Alpaca, the session to close with it. */
    record Opened(Broker broker, AutoCloseable resource) {
    }

    /** {@code settings} pointed at the server named by {@link #ALPACA_URL_PROPERTY}, when it is set. */
    public static AlpacaSettings redirect(AlpacaSettings settings) {
        String url = System.getProperty(ALPACA_URL_PROPERTY);
        return url == null || url.isBlank() ? settings : settings.withBaseUrl(URI.create(url));
    }

    /**
     * An Alpaca broker that needs no store, for an emergency exit while the store is held by a process
     * that does not answer; the caller closes nothing (the session ends with the process).
     */
    public static Broker withoutStore(BrokerSettings settings, Secrets secrets) {
        if (settings.kind() != org.leverdesk.config.BrokerKind.ALPACA) {
            throw new IllegalArgumentException("the paper broker keeps its account in the store; it cannot run without it");
        }
        return open(settings, RiskSettings.defaults(), null, null, Clock.systemUTC(), secrets).broker();
    }

    static Opened open(BrokerSettings settings, RiskSettings risk, Store store, MarketData prices, Clock clock, Secrets secrets) {
        return switch (settings.kind()) {
            // The simulated demo market trades on its own paper account, never the one on real prices.
            case PAPER -> new Opened(prices.isSimulated() ? PaperBroker.onDemoMarket(store, prices, clock)
                    : new PaperBroker(store, prices, clock), null);
            case ALPACA -> {
                AlpacaSettings alpaca;
                try {
                    alpaca = AlpacaSettings.fromSecrets(settings.alpacaEndpoint(), secrets)
                            .withRequestsPerMinute(risk.maxRequestsPerMinute());
                } catch (IllegalArgumentException | ConfigException e) {
                    throw new ConfigException(e.getMessage(), e);
                }
                AlpacaSession session = new AlpacaSession(redirect(alpaca));
                yield new Opened(new AlpacaBroker(session), session);
            }
        };
    }
}
