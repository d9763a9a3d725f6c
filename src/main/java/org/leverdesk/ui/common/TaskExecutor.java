package org.leverdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work away from the UI thread and hands results back on it. ViewModels receive one
 * by injection so that tests can run them synchronously without a JavaFX thread.
 */
public interface TaskExecutor {
    /**
     * Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread.
     */
    <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code action} on the UI thread (immediately when already on it, or later). */
    void runOnUiThread(Runnable action);
}
