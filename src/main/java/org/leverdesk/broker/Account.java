package org.leverdesk.broker;

import java.math.BigDecimal;

/**
 * An account's money as the broker reports it. {@code lastEquity} is the equity at the previous
 * session's close (for the day's P&L); {@code tradingBlocked} is true when the broker refuses orders;
 * {@code margin} is true on a margin account (Alpaca: a multiplier above 1), which the RiskGuard's margin policy
 * may refuse.
 */
public record Account(String accountId, BigDecimal cash, BigDecimal equity, BigDecimal buyingPower,
                      BigDecimal lastEquity, boolean tradingBlocked, boolean margin) {
    /** A cash account (the simulated and paper brokers). */
    public Account(String accountId, BigDecimal cash, BigDecimal equity, BigDecimal buyingPower, BigDecimal lastEquity,
                   boolean tradingBlocked) {
        this(accountId, cash, equity, buyingPower, lastEquity, tradingBlocked, false);
    }

    /** Equity change since the previous close. */
    public BigDecimal dayProfit() {
        return equity.subtract(lastEquity);
    }
}
