package org.leverdesk.backtest;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.leverdesk.domain.Fill;

/**
 * One strategy's part of a backtest it ran together with others on one account.
 *
 * <p>Its <b>P&L</b> = the cash of its fills (sales − purchases, × the option multiplier, less commission) + the
 * dividends on its shares + the market value, after the last close, of the positions in its symbols. Fills are the
 * strategy's when it sent their order; settlement fills (assignment, expiry) and dividends by the symbol it trades.
 * The strategies' P&L add up to the account's (see {@link PortfolioRun#unattributedPnl}).
 *
 * @param strategyId   the catalog id
 * @param capitalShare its share (0..1] of the account's equity, what it sized its decisions with
 * @param symbols      the symbols it trades (its positions in them and their options are its own)
 * @param fills        how many fills it had
 * @param commissions  the commissions of its fills
 * @param dividends    the dividends on its shares
 * @param openValue    the market value of its positions after the last close (a short option negative)
 * @param pnl          fill cash + dividends + open value
 * @param options      its option fills' summary (premium collected and paid, assignments, expiries); zero when none
 */
public record StrategyContribution(String strategyId, double capitalShare, Set<String> symbols, int fills, double commissions,
                                   double dividends, double openValue, double pnl, OptionSummary options) {
    public StrategyContribution {
        symbols = java.util.Collections.unmodifiableSet(new TreeSet<>(symbols));
    }

    /** The contribution of a strategy whose fills, dividends and closing position value are given. */
    public static StrategyContribution of(String id, double capitalShare, Set<String> symbols, List<Fill> fills,
                                          double dividends, double openValue) {
        double cash = 0;
        double commissions = 0;
        for (Fill f : fills) {
            cash += OptionResults.cash(f);
            commissions += f.commission();
        }
        return new StrategyContribution(id, capitalShare, symbols, fills.size(), commissions, dividends, openValue,
                cash + dividends + openValue, OptionSummary.of(fills));
    }
}
