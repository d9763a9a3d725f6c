package org.leverdesk.notify;

import java.time.Duration;

/**
 * A channel could not deliver a message. The message is one line, names the channel, and never
 * contains a token, password or webhook URL. {@code retryable} is false when trying again cannot
 * help (a wrong token, an unknown chat, a deleted webhook, a refused login).
 */
public final class NotificationException extends RuntimeException {
    private final boolean retryable;
    private final Duration retryAfter;

    public NotificationException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    /** A retryable failure where the server said how long to wait ({@code retryAfter}, null when it did not). */
    public NotificationException(String message, boolean retryable, Duration retryAfter) {
        // No cause: third-party exceptions may carry URLs with tokens in their messages.
        super(message, null, false, false);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** How long the server asked to wait before the next try (a 429 answer), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** True when a later attempt may succeed (network trouble, a timeout, a 5xx or 429 answer). */
    public boolean retryable() {
        return retryable;
    }
}
