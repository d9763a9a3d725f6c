package org.leverdesk.broker;

/** The broker already has an order with this client order id (Alpaca answers 422); look that order up instead. */
public class DuplicateClientOrderIdException extends BrokerException {
    private final String clientOrderId;

    public DuplicateClientOrderIdException(String clientOrderId, String message) {
        super(message);
        this.clientOrderId = clientOrderId;
    }

    public String clientOrderId() {
        return clientOrderId;
    }
}
