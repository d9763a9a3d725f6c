package org.leverdesk.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leverdesk.schedule.SimulatedClock.et;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping while a job runs: the job's token is cancelled, it ends, and the outcome says so. */
class SchedulerStopTest {

    @Test
    void stopCancelsTheRunningJobAndRecordsItCancelled() throws InterruptedException {
        SimulatedClock clock = new SimulatedClock(et("2026-11-24T15:49"), et("2026-11-24T18:00"));
        CountDownLatch started = new CountDownLatch(1);
        List<String> threads = new CopyOnWriteArrayList<>();
        JobAction slow = (job, cancel) -> {
            threads.add(Thread.currentThread().getName());
            started.countDown();
            while (true) {
                cancel.throwIfCancelled(); // a real cycle checks between its steps
                Thread.sleep(5);
            }
        };
        MemoryJobRunLog log = new MemoryJobRunLog();
        SchedulerService service = new SchedulerService(Simulation.jobs("regime:close-10m"), Simulation.CALENDAR, slow,
                log, clock, () -> false);
        List<JobOutcome> outcomes = new CopyOnWriteArrayList<>();
        service.addListener(new SchedulerListener() {
            @Override
            public void jobFinished(ScheduledJob job, JobOutcome outcome) {
                outcomes.add(outcome);
            }
        });
        service.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertEquals("regime/run @ 2026-11-24 15:50 ET", service.runningJob().orElseThrow().toString());

        assertTrue(service.stop(Duration.ofSeconds(5)));
        assertEquals(SchedulerState.STOPPED, service.state());
        assertEquals(List.of(JobOutcome.cancelled("cancelled: the scheduler is stopping")), outcomes);
        assertEquals(List.of("STARTED", "CANCELLED"), log.entries().stream().map(MemoryJobRunLog.Entry::status).toList());
        assertEquals(List.of("leverdesk-scheduler"), threads);
    }

    @Test
    void aJobThatIgnoresCancellationIsInterruptedAfterTheGrace() throws InterruptedException {
        SimulatedClock clock = new SimulatedClock(et("2026-11-24T15:49"), et("2026-11-24T18:00"));
        CountDownLatch started = new CountDownLatch(1);
        JobAction stubborn = (job, cancel) -> {
            started.countDown();
            Thread.sleep(60_000); // blocking I/O that only an interrupt ends
            return JobOutcome.succeeded("never");
        };
        MemoryJobRunLog log = new MemoryJobRunLog();
        SchedulerService service = new SchedulerService(Simulation.jobs("regime:close-10m"), Simulation.CALENDAR, stubborn,
                log, clock, () -> false);
        service.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));

        assertTrue(service.stop(Duration.ofMillis(200)));
        assertEquals("CANCELLED", log.entries().get(log.entries().size() - 1).status());
    }

    @Test
    void aFailingJobIsReportedAndTheNextOneStillRuns() throws InterruptedException {
        SimulatedClock clock = new SimulatedClock(et("2026-11-24T15:00"), et("2026-11-25T18:00"));
        List<String> events = new CopyOnWriteArrayList<>();
        JobAction failsFirst = (job, cancel) -> {
            if (job.tradingDay().getDayOfMonth() == 24) {
                throw new IllegalStateException("broker unreachable");
            }
            return JobOutcome.succeeded("ok");
        };
        SchedulerService service = new SchedulerService(Simulation.jobs("regime:close-10m"), Simulation.CALENDAR,
                failsFirst, new MemoryJobRunLog(), clock, () -> false);
        service.addListener(new SchedulerListener() {
            @Override
            public void jobFailed(ScheduledJob job, Throwable error) {
                events.add("failed " + job.tradingDay() + ": " + error.getMessage());
            }

            @Override
            public void jobFinished(ScheduledJob job, JobOutcome outcome) {
                events.add(outcome.status() + " " + job.tradingDay() + ": " + outcome.summary());
            }
        });
        service.start();
        assertTrue(clock.awaitEnd(Duration.ofSeconds(10)));
        assertTrue(service.stop(Duration.ofSeconds(5)));
        assertEquals(List.of("failed 2026-11-24: broker unreachable", "FAILED 2026-11-24: broker unreachable",
                "SUCCEEDED 2026-11-25: ok"), events);
    }
}
