package org.leverdesk.backtest;

import java.time.LocalDate;
import org.leverdesk.config.OptionsPortfolio;

/**
 * What a user asks to backtest as one account: an options portfolio (a mode and its assets, as in the config's
 * {@code portfolio} block), the date range, the starting capital, costs and the benchmark symbol (null: the loop's
 * symbol, the first asset's options ticker).
 */
public record PortfolioBacktestRequest(OptionsPortfolio portfolio, LocalDate from, LocalDate to, double capital,
                                       CostModel costs, String benchmarkSymbol) {
    public PortfolioBacktestRequest {
        costs = costs == null ? CostModel.FREE : costs;
    }

    /** The id the run is saved and listed under: {@code mode:balanced}. */
    public String runId() {
        return "mode:" + portfolio.mode().label();
    }

    /**
     * The symbol whose trading days drive the replay: the first asset's options ticker (QQQ for QQQM:QQQ, whose
     * history is the longest of the pair); every strategy sees its own symbols' bars on those days.
     */
    public String daysSymbol() {
        return portfolio.symbols().get(0).optionsTicker();
    }
}
