package org.leverdesk.notify.message;

import java.math.BigDecimal;

/** A position in the daily summary; quantity is signed (negative = short). */
public record PositionLine(String symbol, BigDecimal quantity, BigDecimal averagePrice, BigDecimal lastPrice) {
    /** Quantity times the last price. */
    public BigDecimal marketValue() {
        return quantity.multiply(lastPrice);
    }

    /** Gain since entry: quantity times (last price minus average price). */
    public BigDecimal unrealizedProfit() {
        return quantity.multiply(lastPrice.subtract(averagePrice));
    }
}
