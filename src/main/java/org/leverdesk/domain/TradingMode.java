package org.leverdesk.domain;

/** Where a decision was made: in a backtest, against the paper broker, or with real money. */
public enum TradingMode {
    BACKTEST, PAPER, LIVE
}
