package org.leverdesk.notify.message;

import java.math.BigDecimal;
import java.time.Instant;
import org.leverdesk.domain.Side;

/** A fill for a message: which strategy's order, what traded, at what average price, when. */
public record FillReport(String strategyId, String clientOrderId, String symbol, Side side, BigDecimal quantity,
                         BigDecimal price, Instant time) {
}
