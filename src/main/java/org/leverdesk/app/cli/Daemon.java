package org.leverdesk.app.cli;

import java.nio.file.Path;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.app.context.TradingRuntime;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.Secrets;
import org.leverdesk.notify.NotifyOptions;
import org.leverdesk.schedule.SchedulerClock;
import org.leverdesk.schedule.SchedulerLock;
import org.leverdesk.schedule.SchedulerService;
import org.leverdesk.store.DataDirectory;

/**
 * The headless trading runtime of one store: takes the scheduler lock, opens the store and the
 * {@link TradingRuntime} (broker, execution, notifications, scheduler) and runs until
 * {@link #requestStop}; {@link #close} lets queued notifications go out and releases everything.
 */
final class Daemon implements AutoCloseable {
    private final AppContext app;
    private final TradingRuntime runtime;

    private Daemon(AppContext app, TradingRuntime runtime) {
        this.app = app;
        this.runtime = runtime;
    }

    /**
     * Takes the lock in {@code dataDir} (null: the per-user default) first, so a second daemon is refused
     * naming the holder, then opens the store (prices from {@code pricesDir}, else the store or the demo
     * market) and starts the runtime for {@code config}.
     */
    static Daemon start(Path dataDir, Path pricesDir, AppConfig config, Secrets secrets, SchedulerClock clock,
                        NotifyOptions options) {
        Path dir = dataDir == null ? DataDirectory.resolveDefault() : dataDir;
        SchedulerLock lock = SchedulerLock.acquire(dir, clock.now());
        AppContext app = null;
        try {
            app = AppContext.open(dir, pricesDir, 0, true);
            TradingRuntime runtime = TradingRuntime.open(app, config, secrets, clock, null, options, lock);
            try {
                runtime.start();
            } catch (RuntimeException e) {
                runtime.close();
                throw e;
            }
            return new Daemon(app, runtime);
        } catch (RuntimeException e) {
            if (app != null) {
                app.close();
            }
            lock.close(); // harmless when the runtime already released it
            throw e;
        }
    }

    TradingRuntime runtime() {
        return runtime;
    }

    SchedulerService scheduler() {
        return runtime.scheduler();
    }

    Path lockFile() {
        return runtime.lockFile();
    }

    /** Stops the scheduler (the running job finishes or is cancelled); true when it has ended. */
    boolean requestStop() {
        return runtime.scheduler().stop(TradingRuntime.STOP_GRACE);
    }

    /** Blocks until the scheduler has stopped. */
    void awaitStopped() throws InterruptedException {
        runtime.scheduler().awaitTermination();
    }

    /** Stops the scheduler if still running, waits for queued notifications, closes the store and the lock. */
    @Override
    public void close() {
        try {
            runtime.close();
        } finally {
            app.close();
        }
    }
}
