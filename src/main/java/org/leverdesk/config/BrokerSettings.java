package org.leverdesk.config;

import org.leverdesk.domain.TradingMode;

/**
 * Broker choice. Real money needs all three of: Alpaca, its LIVE endpoint, and
 * {@code liveTradingEnabled}; the UI additionally asks for a confirmation. Anything else is PAPER.
 * {@code dataFeed} is the Alpaca market-data feed prices are refreshed from (IEX unless the account's plan
 * includes real-time SIP); a config without it reads IEX.
 */
public record BrokerSettings(BrokerKind kind, AlpacaEndpoint alpacaEndpoint, boolean liveTradingEnabled, DataFeed dataFeed) {
    public BrokerSettings {
        kind = kind == null ? BrokerKind.PAPER : kind;
        alpacaEndpoint = alpacaEndpoint == null ? AlpacaEndpoint.PAPER : alpacaEndpoint;
        dataFeed = dataFeed == null ? DataFeed.IEX : dataFeed;
    }

    /** Settings on the default IEX feed. */
    public BrokerSettings(BrokerKind kind, AlpacaEndpoint alpacaEndpoint, boolean liveTradingEnabled) {
        this(kind, alpacaEndpoint, liveTradingEnabled, DataFeed.IEX);
    }

    public static BrokerSettings defaults() {
        return new BrokerSettings(BrokerKind.PAPER, AlpacaEndpoint.PAPER, false);
    }

    /** LIVE only when every switch says so. */
    public TradingMode mode() {
        return kind == BrokerKind.ALPACA && alpacaEndpoint == AlpacaEndpoint.LIVE && liveTradingEnabled
                ? TradingMode.LIVE : TradingMode.PAPER;
    }
}
