package org.leverdesk.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link JobRunLog} in memory, for a scheduler without a store (and tests); forgets everything on exit. */
public final class MemoryJobRunLog implements JobRunLog {
    /** One recorded event: the occurrence, what happened ("STARTED", an outcome status, "MISSED") and when. */
    public record Entry(ScheduledJob job, String status, String detail, Instant at) {
    }

    private final Map<String, Instant> last = new ConcurrentHashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    @Override
    public Optional<Instant> lastHandled(String key) {
        return Optional.ofNullable(last.get(key));
    }

    @Override
    public synchronized void started(ScheduledJob job, Instant at) {
        last.merge(job.definition().key(), job.instant(), (a, b) -> a.isAfter(b) ? a : b);
        entries.add(new Entry(job, "STARTED", "", at));
    }

    @Override
    public synchronized void finished(ScheduledJob job, JobOutcome outcome, Instant at) {
        entries.add(new Entry(job, outcome.status().name(), outcome.summary(), at));
    }

    @Override
    public synchronized void missed(ScheduledJob job, String detail, Instant at) {
        last.merge(job.definition().key(), job.instant(), (a, b) -> a.isAfter(b) ? a : b);
        entries.add(new Entry(job, "MISSED", detail, at));
    }

    /** Everything recorded, in order. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}
