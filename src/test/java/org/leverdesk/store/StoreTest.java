package org.leverdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    @TempDir
    Path dir;

    private static List<String> appliedMigrations(Store store) {
        return store.read("read history", c -> {
            List<String> out = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Test
    void createsTheDatabaseFileAndAppliesTheInitialSchema() {
        try (Store store = Store.open(dir.resolve("data"))) {
            assertTrue(Files.exists(store.databaseFile()), "database file should exist");
            assertEquals(dir.resolve("data").resolve("leverdesk.mv.db"), store.databaseFile());
            assertEquals(migrationVersions(), appliedMigrations(store));
            assertEquals("1", appliedMigrations(store).get(0));
        }
    }

    /** Versions of the V<n>__*.sql files in db/migration, in version order (several people add migrations). */
    private static List<String> migrationVersions() {
        try (var files = Files.list(Path.of(StoreTest.class.getResource("/db/migration").toURI()))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                    .toList();
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list db/migration: " + e.getMessage(), e);
        }
    }

    @Test
    void reopeningKeepsDataAndAppliesNoMigrationTwice() {
        try (Store store = Store.open(dir)) {
            store.inTransaction("insert", c -> c.createStatement().executeUpdate(
                    "INSERT INTO strategy_configs VALUES ('s1', 'Strategy one', CURRENT_TIMESTAMP)"));
        }
        try (Store store = Store.open(dir)) {
            assertEquals(migrationVersions(), appliedMigrations(store));
            int n = store.read("count", c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM strategy_configs")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(1, n);
        }
    }

    @Test
    void secondStoreInTheSameJvmGetsTheLockedMessage() {
        try (Store first = Store.open(dir)) {
            assertEquals(dir, first.dataDirectory());
            StoreLockedException e = assertThrows(StoreLockedException.class, () -> Store.open(dir));
            assertEquals("the Leverdesk store at " + dir.toAbsolutePath() + " is already in use by another Leverdesk process;"
                    + " close it or pass a different --data-dir", e.getMessage());
        }
        // Once the first is closed, the folder can be opened again.
        Store.open(dir).close();
    }

    @Test
    void secondProcessGetsTheLockedMessage() throws Exception {
        Path outcome = dir.resolve("outcome.txt");
        Path data = dir.resolve("data");
        String java = ProcessHandle.current().info().command().orElseThrow();
        try (Store first = Store.open(data)) {
            assertTrue(Files.exists(first.databaseFile()));
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    StoreLockProbe.class.getName(), data.toString(), outcome.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("probe.log").toFile())
                    .start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe process did not finish");
            assertEquals(0, p.exitValue(), () -> "probe failed: " + read(dir.resolve("probe.log")));
        }
        assertEquals("StoreLockedException: the Leverdesk store at " + data + " is already in use by another"
                + " Leverdesk process; close it or pass a different --data-dir", Files.readString(outcome));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void corruptDatabaseFileGivesAOneLineMessageSayingWhatToDo() throws Exception {
        byte[] junk = new byte[64 * 1024];
        new Random(42).nextBytes(junk);
        Files.write(dir.resolve("leverdesk.mv.db"), junk);
        StoreException e = assertThrows(StoreException.class, () -> Store.open(dir));
        assertFalse(e instanceof StoreLockedException);
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("cannot open the Leverdesk store " + dir.resolve("leverdesk.mv.db")), e.getMessage());
        assertTrue(e.getMessage().contains("move it aside or restore it from a backup"), e.getMessage());
        // The failed open must not leave the folder marked as in use.
        Files.delete(dir.resolve("leverdesk.mv.db"));
        Store.open(dir).close();
    }

    @Test
    void failedMigrationGivesAOneLineMessageAndReleasesTheFolder() {
        StoreException e = assertThrows(StoreException.class, () -> Store.open(dir, "classpath:db/broken-migration"));
        assertEquals("the Leverdesk store at " + dir + " could not be upgraded to this version's schema (Failed to execute"
                + " script V1__broken.sql: Table \"NO_SUCH_TABLE\" not found); restore leverdesk.mv.db from a backup"
                + " or pass a different --data-dir", e.getMessage());
        // Opening again reports the half-applied migration instead of running on a damaged schema.
        StoreException again = assertThrows(StoreException.class, () -> Store.open(dir));
        assertEquals("the Leverdesk store at " + dir + " could not be upgraded to this version's schema (Validate failed:"
                + " Migrations have failed validation: Detected failed migration to version 1 (broken).);"
                + " restore leverdesk.mv.db from a backup or pass a different --data-dir", again.getMessage());
        Store.open(dir.resolve("other")).close();
    }

    @Test
    void folderWithASemicolonIsRefusedBeforeH2MisreadsIt() {
        StoreException e = assertThrows(StoreException.class, () -> Store.open(dir.resolve("a;FILE_LOCK=NO")));
        assertEquals("the data folder " + dir.resolve("a;FILE_LOCK=NO") + " contains ';', which the database cannot use;"
                + " pass a different --data-dir", e.getMessage());
    }

    @Test
    void closedStoreRefusesWork() {
        Store store = Store.open(dir);
        store.close();
        StoreException e = assertThrows(StoreException.class, () -> store.read("count", c -> 1));
        assertEquals("the Leverdesk store at " + dir + " is closed", e.getMessage());
    }
}
