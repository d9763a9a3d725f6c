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
        pool.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable e) {
                Platform.runLater(() -> onFailure.accept(e));
                return;
            }
            Platform.runLater(() -> onSuccess.accept(result));
        });
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
