package org.leverdesk.config;

/**
 * Which of Alpaca's stock feeds the market data is read from. IEX is the default because every Alpaca
 * account has it in real time for free; SIP (the consolidated tape of all exchanges) needs a paid plan for
 * anything from the last 15 minutes, so it is used only when the settings say the account has it.
 */
public enum DataFeed {
    /** One exchange (IEX), free in real time. */
    IEX,
    /** The consolidated tape; choose it only with a plan that includes real-time SIP. */
    SIP;

    /** The name Alpaca's Market Data API takes in its {@code feed} parameter (lower case, as in the spec). */
    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
