package org.leverdesk.common;

import java.util.concurrent.CancellationException;

/** Cooperative cancellation of a long task; the task polls {@link #throwIfCancelled()}. */
public final class CancellationToken {
    public static final CancellationToken NONE = new CancellationToken();
    private volatile boolean cancelled;

    public void cancel() {
        if (this != NONE) {
            cancelled = true;
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
    }
}
