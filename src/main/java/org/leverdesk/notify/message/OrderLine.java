package org.leverdesk.notify.message;

import java.math.BigDecimal;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;

/** One order a run placed, as the message shows it; {@code limitPrice} and {@code stopPrice} may be null. */
public record OrderLine(String clientOrderId, String symbol, Side side, BigDecimal quantity, OrderType type,
                        BigDecimal limitPrice, BigDecimal stopPrice) {
}
