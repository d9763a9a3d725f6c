package org.leverdesk.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.market.calendar.NyseCalendar;

/** A job action and listener that records what ran when (simulated time), and what was missed. */
final class Recorder implements JobAction, SchedulerListener {
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One run: the occurrence and the simulated instant it started. */
    record Run(ScheduledJob job, Instant startedAt) {
        /** "yyyy-MM-dd HH:mm strategy job" of the start time in New York. */
        String line() {
            return MINUTE.format(startedAt.atZone(NyseCalendar.ZONE)) + " " + job.strategyId() + " " + job.name();
        }
    }

    /** One jobMissed call. */
    record Miss(ScheduledJob job, int count, String reason, Instant at) {
    }

    private final SimulatedClock clock;
    private final Duration jobDuration;
    final List<Run> runs = new ArrayList<>();
    final List<Miss> misses = new ArrayList<>();
    final List<SchedulerState> states = new ArrayList<>();
    final List<JobOutcome> outcomes = new ArrayList<>();

    Recorder(SimulatedClock clock) {
        this(clock, Duration.ZERO);
    }

    Recorder(SimulatedClock clock, Duration jobDuration) {
        this.clock = clock;
        this.jobDuration = jobDuration;
    }

    @Override
    public synchronized JobOutcome run(ScheduledJob job, CancellationToken cancel) {
        runs.add(new Run(job, clock.now()));
        clock.advance(jobDuration);
        return JobOutcome.succeeded("ran " + job);
    }

    @Override
    public synchronized void jobMissed(ScheduledJob job, int count, String reason) {
        misses.add(new Miss(job, count, reason, clock.now()));
    }

    @Override
    public synchronized void stateChanged(SchedulerState state) {
        states.add(state);
    }

    @Override
    public synchronized void jobFinished(ScheduledJob job, JobOutcome outcome) {
        outcomes.add(outcome);
    }

    synchronized List<String> lines() {
        return runs.stream().map(Run::line).toList();
    }
}
