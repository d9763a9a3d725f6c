package org.leverdesk.schedule;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.leverdesk.store.Store;

/** The {@link JobRunLog} in the store's {@code schedule_runs} table (migration V4): one row per handled occurrence. */
public final class StoreJobRunLog implements JobRunLog {
    private static final int DETAIL_MAX = 1000;
    private final Store store;

    public StoreJobRunLog(Store store) {
        this.store = store;
    }

    @Override
    public Optional<Instant> lastHandled(String key) {
        return store.read("read the last run of job " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(occurrence) FROM schedule_runs WHERE job_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                    return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
                }
            }
        });
    }

    @Override
    public void started(ScheduledJob job, Instant at) {
        write(job, "STARTED", "", at);
    }

    @Override
    public void finished(ScheduledJob job, JobOutcome outcome, Instant at) {
        write(job, outcome.status().name(), outcome.summary(), at);
    }

    @Override
    public void missed(ScheduledJob job, String detail, Instant at) {
        write(job, "MISSED", detail, at);
    }

    private void write(ScheduledJob job, String status, String detail, Instant at) {
        store.inTransaction("record job " + job, c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO schedule_runs (job_key, occurrence, strategy_id,"
                    + " job_name, trading_day, status, detail, recorded_at) KEY (job_key, occurrence)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, job.definition().key());
                ps.setObject(2, OffsetDateTime.ofInstant(job.instant(), ZoneOffset.UTC));
                ps.setString(3, job.strategyId());
                ps.setString(4, job.name());
                ps.setObject(5, job.tradingDay());
                ps.setString(6, status);
                ps.setString(7, detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX) : detail);
                ps.setObject(8, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                return ps.executeUpdate();
            }
        });
    }
}
