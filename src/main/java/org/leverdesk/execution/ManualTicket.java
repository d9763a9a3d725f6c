package org.leverdesk.execution;

import java.math.BigDecimal;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;

/**
 * An order typed by a person in the order ticket: buy or sell {@code amount} shares (whole) or
 * dollars' worth of {@code symbol}, as a market, limit or stop order, for a day or until cancelled.
 * Prices are null unless the type needs them.
 */
public record ManualTicket(String symbol, Side side, Sizing sizing, BigDecimal amount, OrderType type, BigDecimal limitPrice,
                           BigDecimal stopPrice, TimeInForce timeInForce) {
    /** Whether {@code amount} counts shares or dollars. */
    public enum Sizing { SHARES, DOLLARS }
}
