package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.Secrets;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.notify.NotifyOptions;
import org.leverdesk.schedule.JobDefinition;
import org.leverdesk.schedule.ScheduleDefaults;
import org.leverdesk.schedule.SchedulerClock;
import org.leverdesk.schedule.ScheduledJob;
import org.leverdesk.store.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk daemon}: the scheduler without a window, until SIGTERM (or Ctrl-C). */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Trade headless: each enabled strategy's jobs run at their minute of the NYSE session",
                "(America/New_York) against the configured broker, sending orders for real, plus a daily summary",
                "20 minutes after the close; runs, orders, errors, missed runs and kill-switch changes go to the",
                "notification channels switched on in Settings. Runs until SIGTERM or Ctrl-C, which let a running",
                "job finish or cancel it cleanly and let queued notifications go out.",
                "One scheduler per store: a second one is refused and told who holds the lock.",
                "Logs go to the daily log file (leverdesk.log in $LEVERDESK_LOG_DIR, default",
                "$XDG_DATA_HOME/leverdesk/logs or ~/.local/share/leverdesk/logs)."})
public final class DaemonCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonCommand.class);
    private static final int CLOSE_WAIT_SECONDS = 20; // after the stop: queued notifications (10 s at most), then the store
    /** The scheduler's time: the machine's; the kill-campaign test runs the daemon on a simulated session day. */
    static volatile SchedulerClock clock = SchedulerClock.system();

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--confirm-live", description = "Required when the settings select LIVE trading with real money.")
    boolean confirmLive;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The config file (default: config.json in the per-user config folder).")
    Path configFile;

    @Override
    public Integer call() throws InterruptedException {
        ConfigFile file = configFile == null ? ConfigFile.inDefaultDirectory() : new ConfigFile(configFile);
        AppConfig config = file.load();
        List<JobDefinition> jobs = config.jobs();
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException("no strategy is enabled in " + file.path()
                    + "; enable one with 'leverdesk config set strategies.<id>.enabled=true"
                    + (configFile == null ? "" : " --config " + file.path()) + "' (or 'leverdesk init', or in Settings)"
                    + " before starting the daemon");
        }
        Path dataDir = store.dataDir == null ? DataDirectory.resolveDefault() : store.dataDir;
        if (config.broker().mode() == TradingMode.LIVE && !confirmLive) {
            // The same rule as `run`: the config switch alone is not enough for real money.
            throw new IllegalArgumentException("the settings in " + file.path() + " select LIVE trading with real money;"
                    + " add --confirm-live to let the daemon send orders");
        }
        StoreLease.requireStoreOrCreate(store.dataDir, store.create);
        PrintWriter out = spec.commandLine().getOut();
        // The JVM ends when its shutdown hooks return, so the hook waits until the store and lock are closed.
        CountDownLatch closed = new CountDownLatch(1);
        try (Daemon daemon = Daemon.start(dataDir, store.pricesDir, file, config, file.secrets(), clock,
                NotifyOptions.defaults())) {
            Thread hook = new Thread(() -> {
                LOG.info("stop requested (SIGTERM or Ctrl-C); stopping the scheduler");
                daemon.requestStop();
                try {
                    closed.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "leverdesk-daemon-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            List<JobDefinition> all = daemon.scheduler().jobs();
            boolean demo = daemon.simulated();
            out.println("leverdesk daemon: scheduler running " + all.size() + " jobs on " + dataDir.toAbsolutePath()
                    + " (lock " + daemon.lockFile() + ", broker " + daemon.runtime().broker().name() + ", "
                    + (demo ? "DEMO - simulated prices, " : "") + config.broker().mode() + "); stop with SIGTERM or Ctrl-C");
            for (JobDefinition job : all) {
                String next = daemon.scheduler().nextRun(job).map(ScheduledJob::toString).orElse("none");
                out.println("  " + job.key() + " " + job.trigger().notation() + ", next " + next);
            }
            out.println("  control: " + (daemon.controlSocket() == null ? "NOT available (see the log): other commands"
                    + " cannot reach this daemon" : daemon.controlSocket() + " (status, orders, close-all, ... reach this daemon)"));
            out.flush();
            daemon.runtime().notifications().problems().forEach(p -> out.println("  notifications: " + p));
            LOG.info("daemon started with {} jobs on {}{}", all.size(), dataDir,
                    store.pricesDir == null ? "" : ", prices from " + store.pricesDir);
            daemon.awaitStopped();
            removeQuietly(hook);
        } finally {
            closed.countDown();
        }
        LOG.info("daemon stopped");
        return 0;
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (that is what stopped us); the hook has run
        }
    }
}
