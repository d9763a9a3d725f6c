package org.leverdesk.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.schedule.JobAction;
import org.leverdesk.schedule.JobCalendar;
import org.leverdesk.schedule.JobDefinition;
import org.leverdesk.schedule.SchedulerClock;
import org.leverdesk.schedule.SchedulerLock;
import org.leverdesk.schedule.SchedulerService;
import org.leverdesk.schedule.StoreJobRunLog;
import org.leverdesk.store.Store;

/**
 * The headless scheduler of one store: takes the scheduler lock, opens the store (its run log) and
 * runs the scheduler until {@link #requestStop}; {@link #close} releases the store and the lock.
 */
final class Daemon implements AutoCloseable {
    /** How long a running job gets to finish after a stop request before it is interrupted. */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final SchedulerLock lock;
    private final Store store;
    private final SchedulerService scheduler;

    private Daemon(SchedulerLock lock, Store store, SchedulerService scheduler) {
        this.lock = lock;
        this.store = store;
        this.scheduler = scheduler;
    }

    /**
     * Takes the lock in {@code dataDir} (refused, naming the holder, if another scheduler has it), opens
     * the store, builds the job action on it (the execution service needs the same store) and starts.
     */
    static Daemon start(Path dataDir, List<JobDefinition> jobs, Function<Store, JobAction> action, SchedulerClock clock,
                        BooleanSupplier halted) {
        SchedulerLock lock = SchedulerLock.acquire(dataDir, clock.now());
        Store store = null;
        try {
            store = Store.open(dataDir);
            SchedulerService scheduler = new SchedulerService(jobs, new JobCalendar(new NyseCalendar()), action.apply(store),
                    new StoreJobRunLog(store), clock, halted);
            scheduler.start();
            return new Daemon(lock, store, scheduler);
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            lock.close();
            throw e;
        }
    }

    SchedulerService scheduler() {
        return scheduler;
    }

    Path lockFile() {
        return lock.file();
    }

    /** Stops the scheduler (the running job finishes or is cancelled); true when it has ended. */
    boolean requestStop() {
        return scheduler.stop(STOP_GRACE);
    }

    /** Blocks until the scheduler has stopped. */
    void awaitStopped() throws InterruptedException {
        scheduler.awaitTermination();
    }

    @Override
    public void close() {
        scheduler.stop(STOP_GRACE);
        store.close();
        lock.close();
    }
}
