package org.leverdesk.optionbook;

import java.util.List;

/**
 * The RiskGuard's limits and their current use, read-only. {@link AccountGuardState} reads what the account
 * shows; the account-wide risk engine (which keeps the guard's memory: peak, week start, last stop, trades
 * today) can implement this and replace it without touching the Options view.
 */
public interface GuardState {
    /** Every limit with its use, for the account described by {@code account} and its options {@code book}. */
    List<GuardLimit> limits(AccountFigures account, OptionBook.Snapshot book, double volatilityIndex);

    /**
     * The account numbers the guard reads.
     *
     * @param equity    the account's equity in dollars
     * @param cash      its cash in dollars
     * @param dayProfit the equity's change since the previous close (negative: a loss)
     */
    record AccountFigures(double equity, double cash, double dayProfit) {
    }
}
