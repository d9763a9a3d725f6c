package org.leverdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leverdesk.testing.ChildJvm;
import org.leverdesk.testing.ChildJvm.Signal;

/**
 * A store whose schema is being created or upgraded survives the process being killed at any moment
 * (SIGKILL, or SIGTERM as systemctl stop and ^C send it): the next start opens it with the whole schema
 * and every row it held before. H2 commits each DDL statement on its own, so a migration cannot be
 * rolled back; without protection a kill half-way left tables without their Flyway history row, and
 * every later start failed with "Table ... already exists".
 */
class StoreKillDuringMigrationTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String V1 = "classpath:db/pausing-v1";
    private static final String V2 = "classpath:db/pausing-v2";

    @TempDir
    Path tmp;

    private ChildJvm probe(Path data, String pauseAt, String... locations) {
        List<String> args = new ArrayList<>(List.of(data.toString()));
        args.addAll(List.of(locations));
        List<String> options = pauseAt == null ? List.of()
                : List.of("-Dleverdesk.test.pauseAt=" + pauseAt, "-Dleverdesk.test.pausedFile=" + tmp.resolve("paused"));
        return ChildJvm.start(tmp, tmp.resolve("probe.log"), options, Map.of(), StoreOpenProbe.class.getName(), args);
    }

    /** Starts a probe that stops inside migration {@code stage}, and kills it there with {@code signal}. */
    private void killInside(String stage, Signal signal, Path data, String... locations) throws Exception {
        try (ChildJvm child = probe(data, stage, locations)) {
            assertTrue(child.awaitWhileAlive(() -> Files.exists(tmp.resolve("paused")), WAIT),
                    "the probe did not reach migration " + stage + ":\n" + child.output());
            assertTrue(child.stop(signal, WAIT), "the probe did not end on " + signal);
            assertFalse(child.output().contains("opened"), child.output());
        }
        Files.delete(tmp.resolve("paused"));
    }

    private static List<String> tables(Store store) {
        return store.read("list tables", c -> {
            List<String> out = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private static String firstTableName(Store store, int id) {
        return store.read("read", c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM first_table WHERE id = " + id)) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Signal.class)
    void aFirstStartKilledHalfWayThroughCreatingTheSchemaOpensNextTime(Signal signal) throws Exception {
        Path data = tmp.resolve("data");
        killInside("v1", signal, data, V1);

        try (Store store = Store.open(data, V1)) {
            assertEquals(List.of("FIRST_TABLE", "SECOND_TABLE", "flyway_schema_history"), tables(store));
        }
    }

    @ParameterizedTest
    @EnumSource(Signal.class)
    void anUpgradeKilledHalfWayThroughAMigrationOpensNextTimeWithEveryRow(Signal signal) throws Exception {
        Path data = tmp.resolve("data");
        try (Store store = Store.open(data, V1)) {
            store.inTransaction("insert", c -> c.createStatement().executeUpdate("INSERT INTO first_table VALUES (1, 'kept')"));
        }
        killInside("v2", signal, data, V1, V2);

        try (Store store = Store.open(data, V1, V2)) {
            assertEquals(List.of("FIRST_TABLE", "SECOND_TABLE", "THIRD_TABLE", "flyway_schema_history"), tables(store));
            assertEquals("kept", firstTableName(store, 1));
        }
    }

    /**
     * The shipped migrations, first start killed at seeded random moments from the start of opening to
     * its end, by SIGKILL and SIGTERM in turn, until six kills have landed while the store was opening (a
     * probe that opened first tells how long opening takes now, and the next moments are drawn from that).
     */
    @Test
    void firstStartsKilledAtRandomMomentsAllOpenNextTime() throws Exception {
        long openMillis;
        try (ChildJvm calibration = probe(tmp.resolve("calibration"), null)) {
            assertEquals(0, calibration.await(WAIT), calibration.output());
            openMillis = openMillis(calibration.output());
        }
        Random random = new Random(14);
        List<String> shipped;
        try (Store reference = Store.open(tmp.resolve("reference"))) {
            shipped = tables(reference);
        }
        int landed = 0;
        for (int i = 0; landed < 6 && i < 24; i++) {
            Path data = tmp.resolve("data" + i);
            Signal signal = landed % 2 == 0 ? Signal.KILL : Signal.TERM;
            long delay = (long) (random.nextDouble() * openMillis);
            try (ChildJvm child = probe(data, null)) {
                assertTrue(child.awaitWhileAlive(() -> child.output().contains("opening"), WAIT), child.output());
                Thread.sleep(delay);
                child.stop(signal, WAIT);
                if (child.output().contains("opened")) {
                    openMillis = openMillis(child.output());
                } else {
                    landed++;
                }
            }
            try (Store store = Store.open(data)) {
                assertEquals(shipped, tables(store), "after " + signal + " " + delay + " ms into opening");
            }
        }
        assertEquals(6, landed, "fewer than 6 kills landed while the store was opening");
    }

    private static long openMillis(String output) {
        return Long.parseLong(output.substring(output.indexOf("opened ") + 7, output.indexOf(" ms")));
    }
}
