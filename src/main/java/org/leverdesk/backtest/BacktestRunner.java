package org.leverdesk.backtest;

import java.time.LocalDate;
import java.util.List;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;

/** Runs backtests for the UI and the CLI; implemented over the current market data source. */
public interface BacktestRunner {
    /** Strategies that can be backtested, in display order. */
    List<StrategyInfo> strategies();

    /**
     * Runs one backtest.
     *
     * @throws IllegalArgumentException for an invalid request (one-line message)
     * @throws java.util.concurrent.CancellationException when cancelled through the token
     */
    BacktestResult run(BacktestRequest request, ProgressListener progress, CancellationToken cancel);

    /**
     * The same backtest keeping no daily decisions, so the strategy need not build its explanations
     * (a sweep's runs: several times faster). Equity, fills, round trips and metrics equal {@link #run}'s;
     * only the fills' reasons and the decisions are left out.
     */
    default BacktestResult runWithoutDecisions(BacktestRequest request, ProgressListener progress, CancellationToken cancel) {
        return run(request, progress, cancel);
    }

    /**
     * The daily bars of {@code symbol} from {@code from} to {@code to} (inclusive) from the same data
     * the backtests read, e.g. to chart the traded symbol of a run.
     *
     * @throws org.leverdesk.market.data.MarketDataException when the symbol cannot be loaded
     */
    org.leverdesk.domain.BarSeries bars(String symbol, LocalDate from, LocalDate to);

    /** A strategy as shown in pickers: id, display name, default symbol and its parameters. */
    record StrategyInfo(String id, String displayName, String defaultSymbol, List<Parameter> parameters) {
    }

    /** A strategy parameter with its default value (as text) and a short description. */
    record Parameter(String name, String defaultValue, String description) {
    }
}
