package org.leverdesk.strategy.regime;

/** Input port: whether the account's trading state is ACTIVE (kill switch off). Backtests are always active. */
@FunctionalInterface
public interface TradingStateSource {
    TradingStateSource ALWAYS_ACTIVE = () -> "ACTIVE";

    /** The current state, e.g. ACTIVE, REDUCING or HALTED; only ACTIVE allows buys. */
    String state();
}
