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

    /**
     * The versions of the migrations shipped on the class path, ascending ("1", "2", ...): several
     * features add one each, so the test reads them instead of pinning a list.
     */
    private static List<String> shippedMigrations() {
        try (var files = Files.list(Path.of(StoreTest.class.getResource("/db/migration").toURI()))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+(_\\d+)?__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.'))
                    .sorted(java.util.Comparator.comparingDouble(Double::parseDouble))
                    .toList();
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new AssertionError("cannot list the migrations on the class path", e);
        }
    }

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
            assertEquals("1", shippedMigrations().get(0));
            assertEquals(shippedMigrations(), appliedMigrations(store));
        }
    }

    @Test
    void reopeningKeepsDataAndAppliesNoMigrationTwice() {
        try (Store store = Store.open(dir)) {
            store.inTransaction("insert", c -> c.createStatement().executeUpdate(
                    "INSERT INTO strategy_configs VALUES ('s1', 'Strategy one', CURRENT_TIMESTAMP)"));
        }
        try (Store store = Store.open(dir)) {
            assertEquals(shippedMigrations(), appliedMigrations(store));
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
        // There is no backup to point to, and the message says so instead of sending the trader to look for one.
        assertTrue(e.getMessage().endsWith("; if it is damaged, move it aside (no backup of it exists in " + dir.resolve("backups")
                + ") or pass a different --data-dir"), e.getMessage());
        // The failed open must not leave the folder marked as in use.
        Files.delete(dir.resolve("leverdesk.mv.db"));
        Store.open(dir).close();
    }

    @Test
    void corruptDatabaseFileWithABackupNamesTheBackupToRestore() throws Exception {
        try (Store store = Store.open(dir)) {
            store.inTransaction("insert", c -> c.createStatement().executeUpdate(
                    "INSERT INTO strategy_configs VALUES ('s1', 'Strategy one', CURRENT_TIMESTAMP)"));
        }
        StoreBackup backup = StoreMaintenance.of(dir).backup();
        Files.write(dir.resolve("leverdesk.mv.db"), new byte[64 * 1024]);
        StoreException e = assertThrows(StoreException.class, () -> Store.open(dir));
        assertTrue(e.getMessage().endsWith("; if it is damaged, `leverdesk store restore` puts back the newest backup ("
                + backup.file().getFileName() + " of " + StoreBackups.shown(backup.takenAt()) + "); or move it aside, or pass"
                + " a different --data-dir"), e.getMessage());
    }

    @Test
    void aNewStoreWhoseMigrationFailsLeavesNothingBehind() {
        StoreException e = assertThrows(StoreException.class, () -> Store.open(dir, "classpath:db/broken-migration"));
        assertEquals("the new Leverdesk store at " + dir + " could not be created (Failed to execute script V1__broken.sql:"
                + " Table \"NO_SUCH_TABLE\" not found); nothing was written; pass a different --data-dir", e.getMessage());
        assertFalse(Files.exists(dir.resolve("leverdesk.mv.db")));
        // Nothing half-made is left to trip over: the next try fails the same way, not on a damaged schema.
        assertEquals(e.getMessage(), assertThrows(StoreException.class, () -> Store.open(dir, "classpath:db/broken-migration"))
                .getMessage());
        Store.open(dir).close();
    }

    @Test
    void anUpgradeWhoseMigrationFailsLeavesTheStoreAsItWasAndSaysWhereItsCopyIs() {
        try (Store store = Store.open(dir, "classpath:db/pausing-v1")) {
            store.inTransaction("insert", c -> c.createStatement().executeUpdate("INSERT INTO first_table VALUES (1, 'kept')"));
        }
        StoreException e = assertThrows(StoreException.class, () -> Store.open(dir, "classpath:db/pausing-v1",
                "classpath:db/broken-v2"));
        List<StoreBackup> backups = new StoreBackups(dir, BackupPolicy.defaults(), java.time.Clock.systemUTC()).list();
        assertEquals(1, backups.size());
        assertEquals("before-v2", backups.get(0).reason());
        assertEquals("the Leverdesk store at " + dir + " could not be upgraded to this version's schema (Failed to execute"
                + " script V2__broken.sql: Table \"NO_SUCH_TABLE\" not found); it was left as it was (schema version 1, a copy"
                + " is in " + backups.get(0).file() + "); pass a different --data-dir, or use the Leverdesk version that made it",
                e.getMessage());
        // Unchanged: the version that made it still opens it, with its row and without the failed migration's table.
        try (Store store = Store.open(dir, "classpath:db/pausing-v1")) {
            assertEquals(List.of("1"), appliedMigrations(store));
            assertEquals(1, (int) store.read("count", c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM first_table")) {
                    rs.next();
                    return rs.getInt(1);
                }
            }));
        }
        assertFalse(Files.exists(dir.resolve("leverdesk-upgrade.mv.db")), "the failed work copy was left behind");
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
