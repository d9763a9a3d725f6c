package org.leverdesk.store;

/** An order intent with this client order id was already recorded; sending it again would trade twice. */
public final class DuplicateOrderException extends StoreException {
    public DuplicateOrderException(String clientOrderId, Throwable cause) {
        super("an order with client order id " + clientOrderId + " is already recorded; it was not recorded again"
                + " (look it up with its id instead of creating it twice)", cause);
    }
}
