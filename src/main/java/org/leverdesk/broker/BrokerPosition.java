package org.leverdesk.broker;

import java.math.BigDecimal;

/** One position as the broker reports it; quantity is signed (negative = short). */
public record BrokerPosition(String symbol, BigDecimal quantity, BigDecimal averageEntryPrice,
                             BigDecimal marketValue, BigDecimal currentPrice, BigDecimal unrealizedProfit) {
}
