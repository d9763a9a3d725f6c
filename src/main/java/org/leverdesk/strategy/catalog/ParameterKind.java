package org.leverdesk.strategy.catalog;

/**
 * How a parameter is edited and checked. Strategies use the first nine; {@link #TEXT} and
 * {@link #SECRET} are for the app's own settings (a schedule, a host name, an API key).
 */
public enum ParameterKind {
    /** A number with a range and a step, e.g. an SMA period in days or an RSI level. */
    NUMBER,
    /** A share shown as a percent (30%), kept in the strategy's own unit (a fraction, percent points or basis points). */
    PERCENT,
    /** Dollars, shown with $ and two decimals. */
    MONEY,
    /** One ticker symbol such as QQQ. */
    TICKER,
    /** Ticker symbols separated by commas, kept as "GLD,SLX,JEF". */
    TICKER_LIST,
    /** Tickers with a weight each, kept as "QQQM:0.45,VTI:0.25" (empty: equal parts). */
    TICKER_WEIGHTS,
    /** One of a fixed list of values. */
    CHOICE,
    /** On or off, kept as "true" / "false". */
    ON_OFF,
    /** Free text (settings only). */
    TEXT,
    /** A secret typed but never shown (settings only). */
    SECRET
}
