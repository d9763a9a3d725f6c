package org.leverdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;

/** A background import and UI-style reads share one Store without errors or torn reads. */
class StoreConcurrencyTest {
    @TempDir
    Path dir;

    private static List<Bar> batch(int version) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            double c = 100 + version;
            bars.add(new Bar(LocalDate.of(2020, 1, 1).plusDays(i), c, c + 1, c - 1, c, version, c));
        }
        return bars;
    }

    @Test
    void readersNeverSeeAHalfWrittenImport() throws Exception {
        try (Store store = Store.open(dir)) {
            BarRepository repo = new BarRepository(store);
            repo.upsert("QQQ", batch(0));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                Future<?> writer = pool.submit(() -> {
                    for (int v = 1; v <= 20; v++) {
                        repo.upsert("QQQ", batch(v));
                    }
                    return null;
                });
                List<Future<Integer>> readers = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    readers.add(pool.submit(() -> {
                        int reads = 0;
                        while (!writer.isDone() || reads < 5) {
                            BarSeries s = repo.load("QQQ");
                            // Every upsert replaces all 500 bars in one transaction: a reader sees one version only.
                            long v = s.volume(0);
                            for (int i = 0; i < s.size(); i++) {
                                assertEquals(v, s.volume(i), "mixed versions in one read");
                            }
                            assertEquals(500, s.size());
                            reads++;
                        }
                        return reads;
                    }));
                }
                writer.get();
                for (Future<Integer> f : readers) {
                    assertTrue(f.get() >= 5);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(20, repo.load("QQQ").volume(499));
        }
    }
}
