package org.leverdesk.options.market;

/** An input a synthetic chain needs is missing on a day (no volatility index level, for example); the message says which and what to do. */
public final class OptionInputException extends RuntimeException {
    public OptionInputException(String message) {
        super(message);
    }
}
