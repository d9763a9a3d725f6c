package org.leverdesk.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leverdesk.schedule.SimulatedClock.et;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The catch-up policy: run the latest missed occurrence once while its window is open, else report it missed. */
class SchedulerCatchUpTest {

    /** A log that already handled {@code strategy}'s job occurrence at New York time {@code at}. */
    private static MemoryJobRunLog handled(String schedule, String at) {
        MemoryJobRunLog log = new MemoryJobRunLog();
        JobDefinition job = Simulation.jobs(schedule).get(0);
        Instant i = et(at);
        ScheduledJob o = Simulation.CALENDAR.between(job, i.minusSeconds(1), i).get(0);
        log.started(o, i);
        log.finished(o, JobOutcome.succeeded("earlier run"), i);
        return log;
    }

    private static Simulation simulate(String schedule, MemoryJobRunLog log, String start, String end)
            throws InterruptedException {
        return new Simulation(schedule, new SimulatedClock(et(start), et(end)), log, () -> false).runToEnd();
    }

    @Test
    void aBeforeCloseJobStartedLateButBeforeTheCloseRunsOnceAtStartup() throws InterruptedException {
        MemoryJobRunLog log = handled("regime:close-10m", "2026-11-23T15:50");
        Simulation sim = simulate("regime:close-10m", log, "2026-11-24T15:55", "2026-11-24T18:00");

        assertEquals(List.of("2026-11-24 15:55 regime run"), sim.recorder.lines());
        assertEquals(et("2026-11-24T15:50"), sim.recorder.runs.get(0).job().instant());
        assertTrue(sim.recorder.misses.isEmpty());
    }

    @Test
    void aBeforeCloseJobWhoseCloseHasPassedIsReportedMissedOnceAndNotRun() throws InterruptedException {
        MemoryJobRunLog log = handled("regime:close-10m", "2026-11-23T15:50");
        Simulation sim = simulate("regime:close-10m", log, "2026-11-24T16:05", "2026-11-25T15:00");

        assertEquals(List.of(), sim.recorder.lines());
        assertEquals(1, sim.recorder.misses.size());
        Recorder.Miss miss = sim.recorder.misses.get(0);
        assertEquals(et("2026-11-24T15:50"), miss.job().instant());
        assertEquals(1, miss.count());
        assertEquals("missed regime/run planned 2026-11-24 15:50 ET: its window closed at 2026-11-24 16:00 ET before it"
                + " could start (the app was closed, the machine slept, or the scheduler was paused or halted)", miss.reason());

        // A restart the same evening neither runs it nor reports it again.
        Simulation again = simulate("regime:close-10m", log, "2026-11-24T16:30", "2026-11-25T15:00");
        assertEquals(List.of(), again.recorder.lines());
        assertEquals(List.of(), again.recorder.misses);
    }

    @Test
    void anAfterCloseJobCatchesUpBeforeTheNextOpenButNotAfterIt() throws InterruptedException {
        Simulation early = simulate("rotation:close+15m", handled("rotation:close+15m", "2026-11-23T16:15"),
                "2026-11-25T08:00", "2026-11-25T12:00");
        assertEquals(List.of("2026-11-25 08:00 rotation run"), early.recorder.lines());
        assertEquals(et("2026-11-24T16:15"), early.recorder.runs.get(0).job().instant());

        Simulation late = simulate("rotation:close+15m", handled("rotation:close+15m", "2026-11-23T16:15"),
                "2026-11-25T09:45", "2026-11-25T12:00");
        assertEquals(List.of(), late.recorder.lines());
        assertEquals(1, late.recorder.misses.size());
        assertTrue(late.recorder.misses.get(0).reason().contains("window closed at 2026-11-25 09:30 ET"),
                late.recorder.misses.get(0).reason());
    }

    @Test
    void aPreOpenJobCatchesUpOnlyBeforeTheOpen() throws InterruptedException {
        Simulation early = simulate("regime:status=open-30m", handled("regime:status=open-30m", "2026-11-23T09:00"),
                "2026-11-24T09:10", "2026-11-24T12:00");
        assertEquals(List.of("2026-11-24 09:10 regime status"), early.recorder.lines());

        Simulation late = simulate("regime:status=open-30m", handled("regime:status=open-30m", "2026-11-23T09:00"),
                "2026-11-24T09:31", "2026-11-24T12:00");
        assertEquals(List.of(), late.recorder.lines());
        assertEquals(1, late.recorder.misses.size());
    }

    @Test
    void aClockJumpOverTheRunMinuteAndTheCloseIsAMiss() throws InterruptedException {
        SimulatedClock clock = new SimulatedClock(et("2026-11-24T15:00"), et("2026-11-24T18:00"));
        clock.at(et("2026-11-24T15:40"), () -> clock.set(et("2026-11-24T16:10"))); // the laptop slept
        Simulation sim = new Simulation("regime:close-10m", clock, new MemoryJobRunLog(), () -> false).runToEnd();

        assertEquals(List.of(), sim.recorder.lines());
        assertEquals(1, sim.recorder.misses.size());
        assertEquals(et("2026-11-24T16:10"), sim.recorder.misses.get(0).at());
    }

    @Test
    void aClockJumpPastTheMinuteButBeforeTheCloseRunsOnceLate() throws InterruptedException {
        SimulatedClock clock = new SimulatedClock(et("2026-11-24T15:00"), et("2026-11-24T18:00"));
        clock.at(et("2026-11-24T15:40"), () -> clock.set(et("2026-11-24T15:57")));
        Simulation sim = new Simulation("regime:close-10m", clock, new MemoryJobRunLog(), () -> false).runToEnd();

        assertEquals(List.of("2026-11-24 15:57 regime run"), sim.recorder.lines());
    }

    @Test
    void aRepeatingJobAfterASleepRunsOnlyTheLatestAndReportsTheRestInOneMiss() throws InterruptedException {
        MemoryJobRunLog log = handled("rsi2:exits=every:10m", "2026-11-24T10:50");
        Simulation sim = simulate("rsi2:exits=every:10m", log, "2026-11-24T12:05", "2026-11-24T12:15");

        assertEquals(List.of("2026-11-24 12:05 rsi2 exits", "2026-11-24 12:10 rsi2 exits"), sim.recorder.lines());
        assertEquals(et("2026-11-24T12:00"), sim.recorder.runs.get(0).job().instant());
        assertEquals(1, sim.recorder.misses.size());
        Recorder.Miss miss = sim.recorder.misses.get(0);
        assertEquals(6, miss.count()); // 11:00, 11:10, ..., 11:50
        assertEquals("missed 6 runs of rsi2/exits planned 2026-11-24 11:00 ET to 2026-11-24 11:50 ET; running only the"
                + " latest (2026-11-24 12:00 ET) instead of stale runs", miss.reason());
    }

    @Test
    void daysWithTheAppClosedGiveOneMissReportAndTodaysRun() throws InterruptedException {
        MemoryJobRunLog log = handled("regime:close-10m", "2026-11-20T15:50");
        Simulation sim = simulate("regime:close-10m", log, "2026-11-25T15:51", "2026-11-25T18:00");

        assertEquals(List.of("2026-11-25 15:51 regime run"), sim.recorder.lines());
        assertEquals(1, sim.recorder.misses.size());
        assertEquals(2, sim.recorder.misses.get(0).count()); // Monday and Tuesday
        assertEquals(et("2026-11-24T15:50"), sim.recorder.misses.get(0).job().instant());
    }

    @Test
    void aJobTheLogHasNeverSeenStartsWithItsNextOccurrence() throws InterruptedException {
        Simulation sim = simulate("rotation:close+15m", new MemoryJobRunLog(), "2026-11-24T18:00", "2026-11-25T17:00");

        assertEquals(List.of("2026-11-25 16:15 rotation run"), sim.recorder.lines());
        assertEquals(List.of(), sim.recorder.misses);
    }

    @Test
    void pausedOverTheRunMinuteItRunsOnceOnResumeWithinTheWindow() throws InterruptedException {
        SimulatedClock clock = new SimulatedClock(et("2026-11-24T15:00"), et("2026-11-24T18:00"));
        Simulation sim = new Simulation("regime:close-10m", clock, new MemoryJobRunLog(), () -> false);
        clock.at(et("2026-11-24T15:45"), sim.service::pause).at(et("2026-11-24T15:55"), sim.service::resume);
        sim.runToEnd();

        assertEquals(List.of("2026-11-24 15:55 regime run"), sim.recorder.lines());
        assertEquals(List.of(SchedulerState.RUNNING, SchedulerState.PAUSED, SchedulerState.RUNNING, SchedulerState.STOPPED),
                sim.recorder.states);
    }

    @Test
    void pausedPastTheCloseItIsReportedMissedOnResume() throws InterruptedException {
        SimulatedClock clock = new SimulatedClock(et("2026-11-24T15:00"), et("2026-11-24T18:00"));
        Simulation sim = new Simulation("regime:close-10m", clock, new MemoryJobRunLog(), () -> false);
        clock.at(et("2026-11-24T15:45"), sim.service::pause).at(et("2026-11-24T16:05"), sim.service::resume);
        sim.runToEnd();

        assertEquals(List.of(), sim.recorder.lines());
        assertEquals(1, sim.recorder.misses.size());
        assertEquals(et("2026-11-24T16:05"), sim.recorder.misses.get(0).at());
    }

    @Test
    void theKillSwitchHoldsJobsBackUntilItIsReleased() throws InterruptedException {
        AtomicBoolean halted = new AtomicBoolean(true);
        SimulatedClock clock = new SimulatedClock(et("2026-11-24T15:00"), et("2026-11-24T18:00"));
        Simulation sim = new Simulation(Simulation.jobs("regime:close-10m"), clock, new Recorder(clock),
                new MemoryJobRunLog(), halted::get);
        clock.at(et("2026-11-24T15:52"), () -> halted.set(false));
        sim.runToEnd();

        // The switch is read once a minute while on: released at 15:52, the job starts at 15:52 or 15:53.
        assertEquals(1, sim.recorder.runs.size());
        Instant started = sim.recorder.runs.get(0).startedAt();
        assertTrue(!started.isBefore(et("2026-11-24T15:52")) && !started.isAfter(et("2026-11-24T15:53")), started.toString());
        assertEquals(List.of(SchedulerState.HALTED, SchedulerState.RUNNING, SchedulerState.STOPPED), sim.recorder.states);
    }

    @Test
    void withTheKillSwitchOnAllDayNothingRuns() throws InterruptedException {
        Simulation sim = new Simulation("regime:close-10m|rsi2:exits=every:10m",
                new SimulatedClock(et("2026-11-24T09:00"), et("2026-11-24T18:00")), new MemoryJobRunLog(), () -> true)
                .runToEnd();

        assertEquals(List.of(), sim.recorder.lines());
    }
}
