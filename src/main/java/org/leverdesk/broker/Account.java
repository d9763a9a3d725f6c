package org.leverdesk.broker;

import java.math.BigDecimal;

/**
 * An account's money as the broker reports it. {@code lastEquity} is the equity at the previous
 * session's close (for the day's P&L); {@code tradingBlocked} is true when the broker refuses orders.
 */
public record Account(String accountId, BigDecimal cash, BigDecimal equity, BigDecimal buyingPower,
                      BigDecimal lastEquity, boolean tradingBlocked) {
    /** Equity change since the previous close. */
    public BigDecimal dayProfit() {
        return equity.subtract(lastEquity);
    }
}
