package org.leverdesk.broker;

import java.math.BigDecimal;

/** What closing one position did: the closing order's id when one was sent, or why it failed. */
public record CloseOutcome(String symbol, BigDecimal quantity, boolean closed, String brokerOrderId, String detail) {
}
