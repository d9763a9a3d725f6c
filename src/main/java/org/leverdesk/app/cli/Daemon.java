package org.leverdesk.app.cli;

import java.nio.file.Path;
import java.io.IOException;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.app.context.StoreOwner;
import org.leverdesk.app.control.ControlServer;
import org.leverdesk.config.ConfigFile;
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
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Daemon.class);
    private final AppContext app;
    private final TradingRuntime runtime;
    private final AutoCloseable ownership;
    private final ControlServer control;
    private final ChatControl chat;

    private Daemon(AppContext app, TradingRuntime runtime, AutoCloseable ownership, ControlServer control, ChatControl chat) {
        this.app = app;
        this.runtime = runtime;
        this.ownership = ownership;
        this.control = control;
        this.chat = chat;
    }

    static Daemon start(Path dataDir, Path pricesDir, AppConfig config, Secrets secrets, SchedulerClock clock,
                        NotifyOptions options) {
        return start(dataDir, pricesDir, null, config, secrets, clock, options);
    }

    /**
     * Takes the lock in {@code dataDir} (null: the per-user default) first, so a second daemon is refused
     * naming the holder, then opens the store (prices from {@code pricesDir}, else the store or the demo
     * market) and starts the runtime for {@code config}.
     */
    static Daemon start(Path dataDir, Path pricesDir, ConfigFile configFile, AppConfig config, Secrets secrets,
                        SchedulerClock clock, NotifyOptions options) {
        Path dir = dataDir == null ? DataDirectory.resolveDefault() : dataDir;
        SchedulerLock lock = SchedulerLock.acquire(dir, clock.now());
        AppContext app = null;
        try {
            app = AppContext.open(dir, pricesDir, 0, true);
            if (app.marketData().isSimulated() && config.broker().kind() == org.leverdesk.config.BrokerKind.ALPACA) {
                throw new IllegalStateException("the prices are the simulated DEMO market, but the broker is Alpaca: no order"
                        + " is sent to a real account on simulated prices; import real prices ('leverdesk import') or pass"
                        + " --prices DIR");
            }
            TradingRuntime runtime = TradingRuntime.open(app, config, secrets, clock, null, options, lock);
            AutoCloseable ownership = StoreOwner.register(new StoreOwner(dir, "daemon", app, configFile, runtime, null));
            ControlServer control = null;
            try {
                control = ControlServer.start(dir, ControlCommands.handler());
                runtime.start();
            } catch (IOException e) {
                // Trading goes on; other commands then find the store in use, and the log says why.
                LOG.error("the control channel could not start ({}); commands like 'leverdesk status' cannot reach this"
                        + " daemon", e.getMessage());
                runtime.start();
            } catch (RuntimeException e) {
                closeQuietly(control);
                closeQuietly(ownership);
                runtime.close();
                throw e;
            }
            // Chat commands (off unless the config switches them on) answer through this owner's services.
            ChatControl chat = ChatControl.start(dir, config, secrets);
            return new Daemon(app, runtime, ownership, control, chat);
        } catch (RuntimeException e) {
            if (app != null) {
                app.close();
            }
            lock.close(); // harmless when the runtime already released it
            throw e;
        }
    }

    /** True when it trades on the simulated DEMO market. */
    boolean simulated() {
        return app.marketData().isSimulated();
    }

    AppContext app() {
        return app;
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

    /** The control channel's socket, or null when it could not start. */
    Path controlSocket() {
        return control == null ? null : control.socket();
    }

    /** Stops the scheduler if still running, waits for queued notifications, closes the channel, the store and the lock. */
    @Override
    public void close() {
        try {
            closeQuietly(chat);
            closeQuietly(control);
            closeQuietly(ownership);
            runtime.close();
        } finally {
            app.close();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed: {}", c, e.getMessage());
        }
    }
}
