package org.leverdesk.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.leverdesk.schedule.SimulatedClock.et;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.store.Store;

/** The run log in the store: a restarted scheduler does not run a job twice, and the rows say what happened. */
class StoreJobRunLogTest {
    @TempDir
    Path dir;

    @Test
    void aRestartTheSameDayDoesNotRunTheJobAgain() throws InterruptedException {
        try (Store store = Store.open(dir)) {
            StoreJobRunLog log = new StoreJobRunLog(store);
            assertEquals(Optional.empty(), log.lastHandled("regime/run"));
            Simulation first = new Simulation("regime:close-10m",
                    new SimulatedClock(et("2026-11-24T15:00"), et("2026-11-24T15:56")), log, () -> false).runToEnd();
            assertEquals(List.of("2026-11-24 15:50 regime run"), first.recorder.lines());
            assertEquals(Optional.of(et("2026-11-24T15:50")), log.lastHandled("regime/run"));
        }
        try (Store store = Store.open(dir)) {
            StoreJobRunLog log = new StoreJobRunLog(store);
            Simulation second = new Simulation("regime:close-10m",
                    new SimulatedClock(et("2026-11-24T15:58"), et("2026-11-24T18:00")), log, () -> false).runToEnd();
            assertEquals(List.of(), second.recorder.lines());
            assertEquals(List.of(), second.recorder.misses);
            assertEquals(List.of("regime/run 2026-11-24 SUCCEEDED ran regime/run @ 2026-11-24 15:50 ET"), rows(store));
        }
    }

    @Test
    void aMissIsStoredWithItsReason() throws InterruptedException {
        try (Store store = Store.open(dir)) {
            StoreJobRunLog log = new StoreJobRunLog(store);
            JobDefinition job = Simulation.jobs("regime:close-10m").get(0);
            ScheduledJob monday = Simulation.CALENDAR.on(job, java.time.LocalDate.of(2026, 11, 23)).get(0);
            log.started(monday, monday.instant());
            log.finished(monday, JobOutcome.succeeded("done"), monday.instant());
            new Simulation("regime:close-10m", new SimulatedClock(et("2026-11-24T17:00"), et("2026-11-24T18:00")), log,
                    () -> false).runToEnd();

            List<String> rows = rows(store);
            assertEquals(2, rows.size());
            assertEquals("regime/run 2026-11-23 SUCCEEDED done", rows.get(0));
            assertEquals("regime/run 2026-11-24 MISSED missed regime/run planned 2026-11-24 15:50 ET: its window closed at"
                    + " 2026-11-24 16:00 ET before it could start (the app was closed, the machine slept, or the scheduler"
                    + " was paused or halted)", rows.get(1));
        }
    }

    private static List<String> rows(Store store) {
        return store.read("read runs", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT job_key, trading_day, status, detail FROM schedule_runs ORDER BY occurrence");
                 ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getObject(2) + " " + rs.getString(3) + " " + rs.getString(4));
                }
                return out;
            }
        });
    }
}
