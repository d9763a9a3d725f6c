package org.leverdesk.broker.sim;

import java.math.BigDecimal;
import java.time.Instant;
import org.leverdesk.domain.Side;

/** One execution of the simulated broker. */
public record SimFill(String fillId, String brokerOrderId, String symbol, Side side, BigDecimal quantity,
                      BigDecimal price, BigDecimal commission, Instant at) {
}
