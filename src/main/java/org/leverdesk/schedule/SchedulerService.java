package org.leverdesk.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.market.calendar.NyseCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configured jobs at their minute on its own thread ("leverdesk-scheduler", never the FX
 * thread), one job at a time, with time from an injectable {@link SchedulerClock}.
 *
 * <p>Catch-up policy (missed runs: the machine slept, the app was closed, the clock jumped, or the
 * scheduler was paused or halted): for each job, of the occurrences that came due since the last one
 * it handled, only the latest may still run, and only while its window is open (before the open for
 * a pre-open job, before the close for an intraday job, before the next session's open for an
 * after-close job). Every other due occurrence is recorded as missed and reported to the listeners in
 * one {@link SchedulerListener#jobMissed} call per job, so there is never a burst of stale runs. A
 * job the run log has never seen (new, or a new store) starts with its first occurrence after the
 * scheduler starts: nothing before that is run or reported.
 *
 * <p>Pause and the kill switch ({@code halted}) only stop new jobs from starting; a running job
 * continues. {@link #stop} cancels the running job's token (the action stops at its next safe point),
 * waits the grace period, then interrupts.
 */
public final class SchedulerService {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerService.class);
    /** How far back a restart looks for missed occurrences. */
    static final Duration LOOKBACK = Duration.ofDays(14);
    /** How often the kill switch is re-read while it is on (it has no change events). */
    private static final Duration HALT_POLL = Duration.ofMinutes(1);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'ET'");

    private final List<JobDefinition> jobs;
    private final JobCalendar calendar;
    private final JobAction action;
    private final JobRunLog runLog;
    private final SchedulerClock clock;
    private final BooleanSupplier halted;
    private final List<SchedulerListener> listeners = new CopyOnWriteArrayList<>();
    /** Planned instant of the last occurrence handled per job key; only the scheduler thread touches it. */
    private final Map<String, Instant> lastHandled = new HashMap<>();

    private final Object sleepLock = new Object();
    private boolean sleeping;
    private boolean wakeRequested;
    private volatile boolean paused;
    private volatile boolean stopping;
    private volatile SchedulerState state = SchedulerState.STOPPED;
    private volatile ScheduledJob running;
    private volatile CancellationToken runningToken;
    private Thread thread;

    /**
     * A scheduler for {@code jobs} (one decision cycle each, run by {@code action}), recording runs in
     * {@code runLog}; no job starts while {@code halted} (the kill switch) returns true.
     */
    public SchedulerService(List<JobDefinition> jobs, JobCalendar calendar, JobAction action, JobRunLog runLog,
                            SchedulerClock clock, BooleanSupplier halted) {
        this.jobs = List.copyOf(jobs);
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.action = Objects.requireNonNull(action, "action");
        this.runLog = Objects.requireNonNull(runLog, "runLog");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.halted = Objects.requireNonNull(halted, "halted");
    }

    /** Adds a listener (notifications, Dashboard). */
    public void addListener(SchedulerListener listener) {
        listeners.add(listener);
    }

    /** Removes a listener. */
    public void removeListener(SchedulerListener listener) {
        listeners.remove(listener);
    }

    /** The configured jobs. */
    public List<JobDefinition> jobs() {
        return jobs;
    }

    /** Starts the scheduler thread; a scheduler starts once. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("the scheduler was already started; create a new one to start again");
        }
        thread = new Thread(this::loop, "leverdesk-scheduler");
        // A forgotten stop must not keep the JVM alive; the daemon command waits for the thread itself.
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops new jobs from starting until {@link #resume}; a running job continues. */
    public void pause() {
        paused = true;
        wake();
    }

    /** Lets jobs start again; a job whose minute passed while paused follows the catch-up policy. */
    public void resume() {
        paused = false;
        wake();
    }

    /** Re-checks the time and the kill switch now (call it when the kill switch changes). */
    public void wake() {
        synchronized (sleepLock) {
            wakeRequested = true;
            if (sleeping && thread != null) {
                thread.interrupt();
            }
        }
    }

    /** The current state. */
    public SchedulerState state() {
        return state;
    }

    /** The job running now, if any. */
    public Optional<ScheduledJob> runningJob() {
        return Optional.ofNullable(running);
    }

    /** The next planned occurrence of {@code strategyId}'s jobs after now, if any. */
    public Optional<ScheduledJob> nextRun(String strategyId) {
        Instant now = clock.now();
        return jobs.stream().filter(j -> j.strategyId().equals(strategyId))
                .flatMap(j -> calendar.next(j, now).stream())
                .min(Comparator.comparing(ScheduledJob::instant));
    }

    /** The next planned occurrence of {@code job} after now, if any. */
    public Optional<ScheduledJob> nextRun(JobDefinition job) {
        return calendar.next(job, clock.now());
    }

    /**
     * Stops the scheduler: no new jobs; the running job's token is cancelled and it gets {@code grace}
     * to end before its thread is interrupted. Returns true when the scheduler thread has ended.
     */
    public boolean stop(Duration grace) {
        Thread t;
        synchronized (this) {
            t = thread;
            stopping = true;
        }
        if (t == null) {
            return true;
        }
        CancellationToken token = runningToken;
        if (token != null) {
            token.cancel();
        }
        wake();
        try {
            t.join(Math.max(1, grace.toMillis()));
            if (t.isAlive()) {
                LOG.warn("the running job did not stop within {} s; interrupting it", grace.toSeconds());
                t.interrupt();
                t.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    /** Waits until the scheduler thread has ended (after {@link #stop}). */
    public void awaitTermination() throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.join();
        }
    }

    private void loop() {
        try {
            Instant started = clock.now();
            for (JobDefinition job : jobs) {
                // A job the log has never seen was not planned before now, so nothing earlier is due or missed.
                lastHandled.put(job.key(), runLog.lastHandled(job.key()).orElse(started));
            }
            LOG.info("scheduler started with {} jobs", jobs.size());
            while (!stopping) {
                Instant now = clock.now();
                SchedulerState s = paused ? SchedulerState.PAUSED
                        : halted.getAsBoolean() ? SchedulerState.HALTED : SchedulerState.RUNNING;
                setState(s);
                if (s == SchedulerState.RUNNING) {
                    ScheduledJob next = null;
                    for (JobDefinition job : jobs) {
                        ScheduledJob candidate = catchUp(job, now);
                        if (candidate != null && (next == null || candidate.instant().isBefore(next.instant()))) {
                            next = candidate;
                        }
                    }
                    if (next != null) {
                        execute(next);
                        continue;
                    }
                }
                sleepUntil(nextWake(now, s));
            }
        } catch (RuntimeException | Error e) {
            LOG.error("the scheduler stopped after an unexpected error: {}", e.toString(), e);
        } finally {
            setState(SchedulerState.STOPPED);
            LOG.info("scheduler stopped");
        }
    }

    /** Applies the catch-up policy to {@code job} at {@code now}: reports misses, returns the occurrence to run, if any. */
    private ScheduledJob catchUp(JobDefinition job, Instant now) {
        Instant earliest = now.minus(LOOKBACK);
        Instant last = lastHandled.get(job.key());
        Instant from = last == null || last.isBefore(earliest) ? earliest : last;
        List<ScheduledJob> due = calendar.between(job, from, now);
        if (due.isEmpty()) {
            return null;
        }
        ScheduledJob latest = due.get(due.size() - 1);
        boolean runLatest = now.isBefore(latest.windowEnd());
        List<ScheduledJob> missed = runLatest ? due.subList(0, due.size() - 1) : due;
        if (!missed.isEmpty()) {
            ScheduledJob lastMissed = missed.get(missed.size() - 1);
            String reason = missedReason(missed, runLatest ? latest : null);
            LOG.warn(reason);
            lastHandled.put(job.key(), lastMissed.instant());
            try {
                runLog.missed(lastMissed, reason, now);
            } catch (RuntimeException e) {
                LOG.error("could not record the missed run of {}: {}", job.key(), e.getMessage());
            }
            fire(l -> l.jobMissed(lastMissed, missed.size(), reason));
        }
        return runLatest ? latest : null;
    }

    private static String missedReason(List<ScheduledJob> missed, ScheduledJob runningInstead) {
        ScheduledJob first = missed.get(0);
        ScheduledJob last = missed.get(missed.size() - 1);
        String what = missed.size() == 1
                ? "missed " + last.definition().key() + " planned " + WHEN.format(last.at())
                : "missed " + missed.size() + " runs of " + last.definition().key() + " planned "
                        + WHEN.format(first.at()) + " to " + WHEN.format(last.at());
        if (runningInstead != null) {
            return what + "; running only the latest (" + WHEN.format(runningInstead.at()) + ") instead of stale runs";
        }
        return what + ": its window closed at " + WHEN.format(last.windowEnd().atZone(NyseCalendar.ZONE))
                + " before it could start (the app was closed, the machine slept, or the scheduler was paused or halted)";
    }

    private void execute(ScheduledJob job) {
        Instant start = clock.now();
        lastHandled.put(job.definition().key(), job.instant());
        try {
            runLog.started(job, start);
        } catch (RuntimeException e) {
            // Without a record a restart could run it again, so it does not run at all.
            LOG.error("not running {}: its start could not be recorded: {}", job, e.getMessage());
            JobOutcome outcome = JobOutcome.failed("not run: its start could not be recorded (" + e.getMessage() + ")");
            fire(l -> l.jobFailed(job, e));
            fire(l -> l.jobFinished(job, outcome));
            return;
        }
        CancellationToken token = new CancellationToken();
        runningToken = token;
        running = job;
        if (stopping) {
            token.cancel();
        }
        LOG.info("starting {} (planned {}, now {})", job, WHEN.format(job.at()), start);
        fire(l -> l.jobStarted(job));
        JobOutcome outcome;
        try {
            outcome = action.run(job, token);
            if (outcome == null) {
                outcome = JobOutcome.failed("the job returned no outcome");
            }
        } catch (CancellationException | InterruptedException e) {
            outcome = JobOutcome.cancelled("cancelled: the scheduler is stopping");
        } catch (Exception | LinkageError e) {
            LOG.error("{} failed: {}", job, e.toString(), e);
            fire(l -> l.jobFailed(job, e));
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            outcome = JobOutcome.failed(msg.replace('\n', ' ').strip());
        } finally {
            running = null;
            runningToken = null;
            if (!stopping) {
                Thread.interrupted(); // only a stop interrupts a job; a stale flag must not break the next sleep
            }
        }
        JobOutcome result = outcome;
        LOG.info("{} ended {}: {}", job, result.status(), result.summary());
        try {
            runLog.finished(job, result, clock.now());
        } catch (RuntimeException e) {
            LOG.error("could not record the outcome of {}: {}", job, e.getMessage());
        }
        fire(l -> l.jobFinished(job, result));
    }

    private Instant nextWake(Instant now, SchedulerState s) {
        Instant wake = now.plus(Duration.ofDays(1));
        for (JobDefinition job : jobs) {
            Optional<ScheduledJob> next = calendar.next(job, now);
            if (next.isPresent() && next.get().instant().isBefore(wake)) {
                wake = next.get().instant();
            }
        }
        if (s == SchedulerState.HALTED && now.plus(HALT_POLL).isBefore(wake)) {
            wake = now.plus(HALT_POLL);
        }
        return wake;
    }

    private void sleepUntil(Instant wake) {
        synchronized (sleepLock) {
            if (stopping || wakeRequested) {
                wakeRequested = false;
                return;
            }
            sleeping = true;
        }
        try {
            clock.sleepUntil(wake);
        } catch (InterruptedException e) {
            // woken by pause/resume/stop/wake: the loop re-reads the time and state
        } finally {
            synchronized (sleepLock) {
                sleeping = false;
                wakeRequested = false;
                Thread.interrupted();
            }
        }
    }

    private void setState(SchedulerState s) {
        if (state != s) {
            state = s;
            LOG.info("scheduler {}", s);
            fire(l -> l.stateChanged(s));
        }
    }

    private void fire(Consumer<SchedulerListener> event) {
        for (SchedulerListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("a scheduler listener failed: {}", e.toString());
            }
        }
    }
}
