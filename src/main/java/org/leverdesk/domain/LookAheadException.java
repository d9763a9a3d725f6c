package org.leverdesk.domain;

/** Thrown when code asks for a bar after the current decision time. */
public final class LookAheadException extends RuntimeException {
    public LookAheadException(String symbol, int index, int lastIndex) {
        super("look-ahead: " + symbol + " bar " + index + " requested but only bars 0.." + lastIndex + " are visible");
    }
}
