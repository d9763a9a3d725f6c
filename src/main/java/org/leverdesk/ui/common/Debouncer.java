package org.leverdesk.ui.common;

import java.util.Objects;

/**
 * Runs an action once a burst of changes has paused for {@code quietMillis}, but never later than
 * {@code maxWaitMillis} after the first change it has not served yet, so a slider dragged without a
 * pause still gets an answer every {@code maxWaitMillis}. Everything happens on the UI thread (the
 * {@link Timer} calls back there); {@link #changed()} is cheap enough for every mouse move.
 */
public final class Debouncer {
    /** A UI-thread timer and its clock; tests drive one by hand. */
    public interface Timer {
        /** Runs {@code action} on the UI thread after {@code delayMillis}; the returned handle cancels it. */
        Runnable schedule(long delayMillis, Runnable action);

        /** Now, in nanoseconds of a monotonic clock. */
        long nanoTime();
    }

    private final Timer timer;
    private final long quietMillis;
    private final long maxWaitMillis;
    private final Runnable action;
    private Runnable scheduled;
    private long firstUnserved = -1;

    public Debouncer(Timer timer, long quietMillis, long maxWaitMillis, Runnable action) {
        if (quietMillis < 0 || maxWaitMillis < quietMillis) {
            throw new IllegalArgumentException("a debouncer needs 0 <= quiet <= max wait (got " + quietMillis + " and " + maxWaitMillis + ")");
        }
        this.timer = Objects.requireNonNull(timer, "timer");
        this.quietMillis = quietMillis;
        this.maxWaitMillis = maxWaitMillis;
        this.action = Objects.requireNonNull(action, "action");
    }

    /** A change happened: (re)arms the timer. */
    public void changed() {
        long now = timer.nanoTime();
        if (firstUnserved < 0) {
            firstUnserved = now;
        }
        long waited = (now - firstUnserved) / 1_000_000;
        long delay = Math.max(0, Math.min(quietMillis, maxWaitMillis - waited));
        stopTimer();
        scheduled = timer.schedule(delay, this::fire);
    }

    /** Forgets a pending change (nothing runs). */
    public void cancel() {
        stopTimer();
        firstUnserved = -1;
    }

    private void stopTimer() {
        if (scheduled != null) {
            scheduled.run();
            scheduled = null;
        }
    }

    /** True while a change waits for the timer. */
    public boolean pending() {
        return scheduled != null;
    }

    private void fire() {
        scheduled = null;
        firstUnserved = -1;
        action.run();
    }

    /** The JavaFX timer ({@link javafx.animation.PauseTransition}); created lazily, so building one needs no toolkit. */
    public static Timer fx() {
        return new Timer() {
            @Override
            public Runnable schedule(long delayMillis, Runnable action) {
                javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(javafx.util.Duration.millis(delayMillis));
                pause.setOnFinished(e -> action.run());
                pause.play();
                return pause::stop;
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }
        };
    }
}
