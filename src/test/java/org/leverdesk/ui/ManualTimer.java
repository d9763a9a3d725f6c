package org.leverdesk.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.leverdesk.ui.common.Debouncer;

/** A {@link Debouncer.Timer} driven by hand: time moves only with {@link #advance}, which runs what fell due. */
public final class ManualTimer implements Debouncer.Timer {
    private final class Task {
        final long due;
        final Runnable action;
        boolean cancelled;

        Task(long due, Runnable action) {
            this.due = due;
            this.action = action;
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private long nanos = 1_000_000_000L;

    @Override
    public Runnable schedule(long delayMillis, Runnable action) {
        Task t = new Task(nanos + delayMillis * 1_000_000, action);
        tasks.add(t);
        return () -> t.cancelled = true;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    /** Moves time on by {@code millis}, running each task as its time comes. */
    public void advance(long millis) {
        long end = nanos + millis * 1_000_000;
        while (true) {
            Task next = tasks.stream().filter(t -> !t.cancelled && t.due <= end).min(Comparator.comparingLong(t -> t.due)).orElse(null);
            if (next == null) {
                break;
            }
            nanos = Math.max(nanos, next.due);
            tasks.remove(next);
            next.action.run();
        }
        nanos = end;
        tasks.removeIf(t -> t.cancelled);
    }

    /** Tasks waiting (not cancelled). */
    public long waiting() {
        return tasks.stream().filter(t -> !t.cancelled).count();
    }
}
