package org.leverdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** The application's {@link TaskExecutor}: daemon background threads plus {@link Platform#runLater}. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private final ExecutorService pool;
    // work handed in whose result has not been handed back yet (a view prepared in idle time waits for its data)
    private final AtomicInteger pending = new AtomicInteger();

    public FxTaskExecutor() {
        AtomicInteger count = new AtomicInteger();
        // Daemon threads: a running backtest must never keep the JVM alive after the window closes.
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "leverdesk-ui-task-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        pending.incrementAndGet();
        try {
            pool.execute(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Throwable e) {
                    Platform.runLater(() -> handBack(() -> onFailure.accept(e)));
                    return;
                }
                Platform.runLater(() -> handBack(() -> onSuccess.accept(result)));
            });
        } catch (RuntimeException e) { // closed: nothing will be handed back
            pending.decrementAndGet();
            throw e;
        }
    }

    // the count drops after the callback, so work the callback hands in keeps it above zero
    private void handBack(Runnable callback) {
        try {
            callback.run();
        } finally {
            pending.decrementAndGet();
        }
    }

    /** True when every piece of work handed in has had its result handed back on the JavaFX thread. */
    public boolean idle() {
        return pending.get() == 0;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** Stops accepting work; running tasks finish on their daemon threads. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
