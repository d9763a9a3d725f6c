package org.leverdesk.strategy;

/**
 * How a strategy's orders reach the market. {@code backtestFill} picks the simulated fill;
 * {@code liveOrder} the order type a broker receives; {@code limitOffsetBps} is the distance
 * "through" the mid for a marketable limit (50 bps = 0.5%, seed 002).
 */
public record ExecutionPolicy(FillModel backtestFill, LiveOrderStyle liveOrder, double limitOffsetBps) {

    /** Simulated fill of an order decided on day i. */
    public enum FillModel {
        /** At day i's close (jobs that run at 15:50 ET). */
        CLOSE,
        /** At day i+1's open (market-on-open). */
        NEXT_OPEN,
        /** A limit order working on day i+1 that fills only if that day's range reaches the limit. */
        LIMIT_NEXT_DAY
    }

    /** Order type for paper and live trading. */
    public enum LiveOrderStyle { MARKET, LIMIT_FROM_MID, MARKET_ON_OPEN, MARKET_ON_CLOSE }

    public static ExecutionPolicy atClose(LiveOrderStyle live, double limitOffsetBps) {
        return new ExecutionPolicy(FillModel.CLOSE, live, limitOffsetBps);
    }
}
