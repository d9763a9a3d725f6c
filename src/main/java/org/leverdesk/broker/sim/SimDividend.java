package org.leverdesk.broker.sim;

import java.math.BigDecimal;
import java.time.Instant;

/** A cash dividend the simulated account received: per share, on how many shares, the amount credited. */
public record SimDividend(String symbol, BigDecimal perShare, BigDecimal quantity, BigDecimal amount, Instant at) {
}
