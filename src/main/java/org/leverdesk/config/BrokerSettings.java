package org.leverdesk.config;

import org.leverdesk.domain.TradingMode;

/**
 * Broker choice. Real money needs all three of: Alpaca, its LIVE endpoint, and
 * {@code liveTradingEnabled}; the UI additionally asks for a confirmation. Anything else is PAPER.
 */
public record BrokerSettings(BrokerKind kind, AlpacaEndpoint alpacaEndpoint, boolean liveTradingEnabled) {
    public BrokerSettings {
        kind = kind == null ? BrokerKind.PAPER : kind;
        alpacaEndpoint = alpacaEndpoint == null ? AlpacaEndpoint.PAPER : alpacaEndpoint;
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
