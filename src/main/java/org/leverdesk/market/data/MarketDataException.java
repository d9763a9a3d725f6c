package org.leverdesk.market.data;

/** A price source cannot deliver what was asked; the message is one line a user can act on. */
public class MarketDataException extends RuntimeException {
    public MarketDataException(String message) {
        super(message);
    }

    public MarketDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
