package org.leverdesk.broker.sim;

import java.math.BigDecimal;

/** A long position of the simulated account: shares held and their average cost per share. */
public record SimHolding(String symbol, BigDecimal quantity, BigDecimal averageCost) {
}
