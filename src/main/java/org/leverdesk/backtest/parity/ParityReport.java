package org.leverdesk.backtest.parity;

import java.time.LocalDate;

/**
 * What a parity replay found: the number of sessions compared, and the first difference between the
 * backtest and the live path (null when they agreed on every decision, order, fill and close).
 */
public record ParityReport(String strategyId, LocalDate from, LocalDate to, int sessions, int decisions, int orders,
                           int fills, Difference firstDifference) {
    /** The first place the two runs disagree: the day, what differs, and both sides. */
    public record Difference(LocalDate day, String what, String backtest, String live) {
        @Override
        public String toString() {
            return day + " " + what + ": backtest " + backtest + ", live " + live;
        }
    }

    public boolean identical() {
        return firstDifference == null;
    }

    /** "identical over N sessions (…)" or "first difference on …". */
    public String summary() {
        return identical()
                ? "identical over " + sessions + " sessions (" + decisions + " decisions, " + orders + " orders, " + fills
                        + " fills, every close's equity)"
                : "first difference on " + firstDifference;
    }
}
