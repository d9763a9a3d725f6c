package org.leverdesk.schedule;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.leverdesk.market.calendar.NyseCalendar;

/** Builds a scheduler on simulated time, runs it to the end of the simulation and stops it. */
final class Simulation {
    static final JobCalendar CALENDAR = new JobCalendar(new NyseCalendar());

    final SimulatedClock clock;
    final Recorder recorder;
    final JobRunLog log;
    final SchedulerService service;

    Simulation(String schedule, SimulatedClock clock, JobRunLog log, BooleanSupplier halted) {
        this(jobs(schedule), clock, new Recorder(clock), log, halted);
    }

    Simulation(List<JobDefinition> jobs, SimulatedClock clock, Recorder recorder, JobRunLog log, BooleanSupplier halted) {
        this.clock = clock;
        this.recorder = recorder;
        this.log = log;
        this.service = new SchedulerService(jobs, CALENDAR, recorder, log, clock, halted);
        service.addListener(recorder);
    }

    /** "strategy:notation" pairs separated by '|', e.g. "regime:close-10m|rotation:close+15m". */
    static List<JobDefinition> jobs(String spec) {
        return java.util.Arrays.stream(spec.split("\\|"))
                .flatMap(s -> ScheduleNotation.parse(s.substring(0, s.indexOf(':')), s.substring(s.indexOf(':') + 1)).stream())
                .toList();
    }

    /** Starts, waits until simulated time reaches the end, stops. */
    Simulation runToEnd() throws InterruptedException {
        service.start();
        assertTrue(clock.awaitEnd(Duration.ofSeconds(20)), "the simulation did not reach its end");
        assertTrue(service.stop(Duration.ofSeconds(5)), "the scheduler did not stop");
        return this;
    }
}
