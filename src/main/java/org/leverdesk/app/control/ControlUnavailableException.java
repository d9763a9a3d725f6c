package org.leverdesk.app.control;

/** A process owns the store's control channel but did not answer (too slow, or it broke the connection). */
public final class ControlUnavailableException extends RuntimeException {
    public ControlUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
