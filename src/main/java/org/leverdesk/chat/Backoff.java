package org.leverdesk.chat;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait between failed attempts of a listener: 1 s, 2 s, 4 s, ... up to {@code max}, each with up to
 * 20% jitter so several processes do not hammer a recovering server in step; a success starts over.
 */
final class Backoff {
    private final Duration first;
    private final Duration max;
    private int failures;

    Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    /** The wait after one more failure. */
    Duration next() {
        long base = first.toMillis() << Math.min(failures, 20);
        failures++;
        long capped = Math.min(base, max.toMillis());
        return Duration.ofMillis(capped + ThreadLocalRandom.current().nextLong(capped / 5 + 1));
    }

    /** Failures in a row so far. */
    int failures() {
        return failures;
    }

    void reset() {
        failures = 0;
    }
}
