package org.leverdesk.execution;

import org.leverdesk.domain.OrderStatus;

/** What happened to a ticket: whether it reached the broker, its recorded status and client order id, in one line. */
public record ManualOrderResult(String clientOrderId, boolean sent, OrderStatus status, String brokerOrderId, String message) {
}
