package org.leverdesk.strategy;

/**
 * When a strategy decides and how its orders reach the market — the same in backtests, paper and
 * live trading (one decision cycle). {@code decisionTime} says whether it decides at its minute before
 * the close (on the day's provisional bar; a backtest on the day's bar) or after the close;
 * {@code liveOrder} the order type the planner sends; {@code limitOffsetBps} the distance "through" the
 * mid for a marketable limit (50 bps = 0.5%, seed 002; 0 = the account's risk setting).
 */
public record ExecutionPolicy(DecisionTime decisionTime, LiveOrderStyle liveOrder, double limitOffsetBps) {

    /** When in the trading day the strategy decides. */
    public enum DecisionTime {
        /** A few minutes before the close (15:50 ET, 12:50 on early closes): orders fill in today's session. */
        BEFORE_CLOSE,
        /** After the close (16:15 ET): orders wait for the next session (market-on-open). */
        AFTER_CLOSE
    }

    /**
     * The order type the planner makes: market orders (market-on-open when sent while the market is
     * closed), limits through the mid, market-on-open, or market-on-close (CLS).
     */
    public enum LiveOrderStyle { MARKET, LIMIT_FROM_MID, MARKET_ON_OPEN, MARKET_ON_CLOSE }

    /** The strategy parameter that picks the order style of a strategy that offers a choice. */
    public static final String ORDER_STYLE = "orderStyle";
    /** {@link #ORDER_STYLE}'s value for market-on-close orders (decided at 15:45, sent before the 15:50 cutoff). */
    public static final String ORDER_STYLE_MOC = "moc";
    /** How long before the close a market-on-close strategy decides: 15:45 ET (12:45 on early closes). */
    public static final int MOC_DECISION_MINUTES = 15;

    public ExecutionPolicy {
        if (decisionTime == null || liveOrder == null) {
            throw new IllegalArgumentException("an execution policy needs a decision time and an order style");
        }
        if (!(limitOffsetBps >= 0) || !Double.isFinite(limitOffsetBps)) {
            throw new IllegalArgumentException("the limit offset must be zero or a positive number of basis points (got "
                    + limitOffsetBps + ")");
        }
    }

    /** Decides before the close and sends {@code live} orders. */
    public static ExecutionPolicy atClose(LiveOrderStyle live, double limitOffsetBps) {
        return new ExecutionPolicy(DecisionTime.BEFORE_CLOSE, live, limitOffsetBps);
    }

    /** Decides after the close; its orders go to the next open. */
    public static ExecutionPolicy afterClose(LiveOrderStyle live) {
        return new ExecutionPolicy(DecisionTime.AFTER_CLOSE, live, 0);
    }

    /** True when the strategy decides before the close and sends market-on-close orders. */
    public boolean marketOnClose() {
        return decisionTime == DecisionTime.BEFORE_CLOSE && liveOrder == LiveOrderStyle.MARKET_ON_CLOSE;
    }

    /** True when the strategy decides after the close. */
    public boolean decidesAfterClose() {
        return decisionTime == DecisionTime.AFTER_CLOSE;
    }
}
