package org.leverdesk.ui.common;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.leverdesk.common.ProgressListener;

/**
 * A {@link ProgressListener} for background work that forwards updates to the UI thread, dropping
 * intermediate ones while an update is still queued: a runner reporting every bar must not flood
 * the UI thread with thousands of pending updates.
 */
public final class ProgressRelay implements ProgressListener {
    private record Update(double fraction, String message) {
    }

    private final TaskExecutor executor;
    private final BiConsumer<Double, String> sink;
    private final AtomicReference<Update> latest = new AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();

    /** {@code sink} receives (fraction, message) on the UI thread. */
    public ProgressRelay(TaskExecutor executor, BiConsumer<Double, String> sink) {
        this.executor = executor;
        this.sink = sink;
    }

    @Override
    public void progress(double fraction, String message) {
        latest.set(new Update(fraction, message == null ? "" : message));
        if (queued.compareAndSet(false, true)) {
            executor.runOnUiThread(() -> {
                queued.set(false);
                Update u = latest.get();
                sink.accept(u.fraction(), u.message());
            });
        }
    }
}
