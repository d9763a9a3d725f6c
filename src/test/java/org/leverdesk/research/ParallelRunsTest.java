package org.leverdesk.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;

class ParallelRunsTest {
    @Test
    void aJobOutOfHeapStopsTheBatchWithOneLineSayingWhatToDo() {
        List<Callable<Integer>> jobs = List.of(() -> 1, () -> {
            throw new OutOfMemoryError("Java heap space");
        }, () -> 3);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ParallelRuns(1).run(jobs, "runs", ProgressListener.NONE, CancellationToken.NONE));
        String m = e.getMessage();
        assertTrue(m.startsWith("out of memory after 1 of 3 runs: the Java heap (at most "), m);
        assertTrue(m.contains("--random N") && m.contains("-Xmx"), m);
        assertFalse(m.contains("\n"), "one line");
        assertEquals(OutOfMemoryError.class, e.getSuppressed()[0].getClass(), "the JVM's error is kept for the log");
    }

    @Test
    void invalidParametersStayAFailedOutcome() {
        List<Callable<Integer>> jobs = List.of(() -> 1, () -> {
            throw new IllegalArgumentException("entryRsi above exitRsi");
        });
        List<ParallelRuns.Outcome<Integer>> out = new ParallelRuns(2).run(jobs, "runs", ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(1, out.get(0).value());
        assertEquals("entryRsi above exitRsi", out.get(1).error());
    }
}
