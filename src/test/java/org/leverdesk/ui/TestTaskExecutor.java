package org.leverdesk.ui;

import org.leverdesk.ui.common.TaskExecutor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs "background" work on the calling thread, so ViewModel tests are deterministic and need no
 * JavaFX thread. In {@link #hold()} mode work waits until {@link #runPending()}, which lets a test
 * act while a task is "running" (e.g. press Cancel).
 */
public final class TestTaskExecutor implements TaskExecutor {
    private final Deque<Runnable> pending = new ArrayDeque<>();
    private boolean holding;

    /** From now on, queue work instead of running it. */
    public TestTaskExecutor hold() {
        holding = true;
        return this;
    }

    /** Runs all queued work, in order. */
    public void runPending() {
        while (!pending.isEmpty()) {
            pending.removeFirst().run();
        }
    }

    /** Runs the oldest queued work only (work it queues waits for the next call). */
    public void runNext() {
        pending.removeFirst().run();
    }

    public int pendingCount() {
        return pending.size();
    }

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        Runnable task = () -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        };
        if (holding) {
            pending.addLast(task);
        } else {
            task.run();
        }
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }
}
