package org.leverdesk.backtest.parity;

import org.leverdesk.backtest.BacktestRequest;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;

/**
 * Replays a backtest request's strategy, symbol, parameters, dates, capital and costs through the live
 * path and compares it with a backtest of the same days (the {@code leverdesk parity} command's service;
 * the Backtest view's "Replay as live").
 */
@FunctionalInterface
public interface ParityCheck {
    /**
     * @throws IllegalArgumentException for an invalid request (one-line message)
     * @throws java.util.concurrent.CancellationException when cancelled through the token
     */
    ParityReport replay(BacktestRequest request, ProgressListener progress, CancellationToken cancel);
}
