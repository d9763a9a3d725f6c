package org.leverdesk.optionbook;

import java.util.List;

/**
 * The RiskGuard's limits and their current use as the Options view's guard panel lists them, read-only (named apart from
 * {@link org.leverdesk.riskguard.GuardState}, the stored memory). {@link AccountGuardPanel} reads the stored status and what the account
 * and the chain show; a test or another source can implement this without touching the Options view.
 */
public interface GuardPanelSource {
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
