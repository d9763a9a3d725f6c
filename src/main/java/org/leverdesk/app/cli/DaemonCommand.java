package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.schedule.DryRunJobAction;
import org.leverdesk.schedule.JobAction;
import org.leverdesk.schedule.JobDefinition;
import org.leverdesk.schedule.ScheduleDefaults;
import org.leverdesk.schedule.SchedulerClock;
import org.leverdesk.schedule.ScheduledJob;
import org.leverdesk.store.DataDirectory;
import org.leverdesk.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk daemon}: the scheduler without a window, until SIGTERM (or Ctrl-C). */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Run the scheduler headless: each enabled strategy's jobs at their minute of the NYSE session",
                "(America/New_York), until SIGTERM or Ctrl-C, which let a running job finish or cancel it cleanly.",
                "One scheduler per store: a second one is refused and told who holds the lock.",
                "Logs go to the daily log file (leverdesk.log in $LEVERDESK_LOG_DIR, default",
                "$XDG_DATA_HOME/leverdesk/logs or ~/.local/share/leverdesk/logs)."})
public final class DaemonCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonCommand.class);
    private static final int CLOSE_WAIT_SECONDS = 15;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The config file (default: config.json in the per-user config folder).")
    Path configFile;

    @Override
    public Integer call() throws InterruptedException {
        ConfigFile file = configFile == null ? ConfigFile.inDefaultDirectory() : new ConfigFile(configFile);
        List<JobDefinition> jobs = ScheduleDefaults.jobsOf(file.load().strategies());
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException("no strategy is enabled in " + file.path()
                    + "; enable one (\"enabled\": true) in Settings or the config file before starting the daemon");
        }
        Path dataDir = store.dataDir == null ? DataDirectory.resolveDefault() : store.dataDir;
        PrintWriter out = spec.commandLine().getOut();
        // The JVM ends when its shutdown hooks return, so the hook waits until the store and lock are closed.
        CountDownLatch closed = new CountDownLatch(1);
        try (Daemon daemon = Daemon.start(dataDir, jobs, this::jobAction, SchedulerClock.system(), () -> false)) {
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
            out.println("leverdesk daemon: scheduler running " + jobs.size() + " jobs on " + dataDir.toAbsolutePath()
                    + " (lock " + daemon.lockFile() + "); stop with SIGTERM or Ctrl-C");
            for (JobDefinition job : jobs) {
                String next = daemon.scheduler().nextRun(job).map(ScheduledJob::toString).orElse("none");
                out.println("  " + job.key() + " " + job.trigger().notation() + ", next " + next);
            }
            out.flush();
            LOG.info("daemon started with {} jobs on {}{}", jobs.size(), dataDir,
                    store.pricesDir == null ? "" : ", prices from " + store.pricesDir);
            daemon.awaitStopped();
            removeQuietly(hook);
        } finally {
            closed.countDown();
        }
        LOG.info("daemon stopped");
        return 0;
    }

    /**
     * What each job does, on the daemon's store. Until the scheduler is bound to the execution service
     * (one decision cycle per strategy on {@code store}, with {@code --prices} as its market data), the
     * daemon logs what would run.
     */
    JobAction jobAction(Store openStore) {
        return new DryRunJobAction();
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (that is what stopped us); the hook has run
        }
    }
}
