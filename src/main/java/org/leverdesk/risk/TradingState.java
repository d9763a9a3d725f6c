package org.leverdesk.risk;

/** What the risk gate lets through: everything, only position-reducing orders, or (kill switch) only cancels and closes. */
public enum TradingState {
    ACTIVE, REDUCING, HALTED
}
