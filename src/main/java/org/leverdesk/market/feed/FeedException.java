package org.leverdesk.market.feed;

import org.leverdesk.market.data.MarketDataException;

/** A market-data feed could not be read or answered nonsense; the message is one line a user can act on. */
public class FeedException extends MarketDataException {
    public FeedException(String message) {
        super(message);
    }

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
