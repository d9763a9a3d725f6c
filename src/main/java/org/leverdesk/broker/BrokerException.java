package org.leverdesk.broker;

/** A broker call failed; the message is one line saying what went wrong and what to do. */
public class BrokerException extends RuntimeException {
    public BrokerException(String message) {
        super(message);
    }

    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
