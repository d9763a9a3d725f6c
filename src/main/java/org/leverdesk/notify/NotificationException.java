package org.leverdesk.notify;

/**
 * A channel could not deliver a message. The message is one line, names the channel, and never
 * contains a token, password or webhook URL. {@code retryable} is false when trying again cannot
 * help (a wrong token, an unknown chat, a deleted webhook, a refused login).
 */
public final class NotificationException extends RuntimeException {
    private final boolean retryable;

    public NotificationException(String message, boolean retryable) {
        // No cause: third-party exceptions may carry URLs with tokens in their messages.
        super(message, null, false, false);
        this.retryable = retryable;
    }

    /** True when a later attempt may succeed (network trouble, a timeout, a 5xx or 429 answer). */
    public boolean retryable() {
        return retryable;
    }
}
