package org.leverdesk.broker;

/** The broker refused an order (insufficient buying power, halted symbol, bad price); the message has its reason. */
public class OrderRejectedException extends BrokerException {
    public OrderRejectedException(String message) {
        super(message);
    }
}
