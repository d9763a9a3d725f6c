package org.leverdesk.notify;

import java.time.Duration;

/**
 * How often and how patiently each channel retries a message: at most {@code maxAttempts} tries,
 * waiting {@code initialDelay}, then twice as long each time up to {@code maxDelay}, each wait
 * varied by up to {@code jitter} (0 to 1) of itself so several clients do not retry in step.
 */
public record RetrySettings(int maxAttempts, Duration initialDelay, Duration maxDelay, double jitter) {
    public RetrySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 (got " + maxAttempts + ")");
        }
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("retry delays must be positive with maxDelay >= initialDelay (got "
                    + initialDelay + ", " + maxDelay + ")");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1 (got " + jitter + ")");
        }
    }

    /** 5 attempts over about a minute: 2 s, 4 s, 8 s, 16 s apart, +-25 %. */
    public static RetrySettings defaults() {
        return new RetrySettings(5, Duration.ofSeconds(2), Duration.ofMinutes(1), 0.25);
    }
}
