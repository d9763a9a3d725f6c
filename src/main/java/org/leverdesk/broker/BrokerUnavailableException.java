package org.leverdesk.broker;

/**
 * The broker could not be reached or did not answer in time (timeout, 5xx, 429 after retries,
 * dropped connection). For a submit the outcome is unknown: look the order up by client order id.
 */
public class BrokerUnavailableException extends BrokerException {
    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
