package org.leverdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.testing.MutableClock;

/** {@code store check}, {@code store backup} and {@code store restore} on a store no other process has open. */
class StoreMaintenanceTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-12-07T14:30:05Z"));

    private StoreMaintenance maintenance() {
        return new StoreMaintenance(dir, BackupPolicy.defaults(), clock, Store.DEFAULT_MIGRATIONS);
    }

    private static void journal(Path dir, String... messages) {
        try (Store store = Store.open(dir, new BackupPolicy(10, Duration.ZERO))) {
            JournalRepository journal = new JournalRepository(store, Clock.systemUTC());
            for (String m : messages) {
                journal.append("test", null, m, null);
            }
        }
    }

    private static List<String> journalMessages(Path dir) {
        try (Store store = Store.open(dir, new BackupPolicy(10, Duration.ZERO))) {
            return new JournalRepository(store, Clock.systemUTC()).recent(100).stream()
                    .filter(e -> e.kind().equals("test")).map(JournalEntry::message).toList();
        }
    }

    @Test
    void checkReadsTheSchemaEveryRowAndEveryIndex() {
        journal(dir, "one", "two", "three");
        StoreReport report = maintenance().check();
        assertTrue(report.exists());
        assertFalse(report.inUse());
        assertTrue(report.healthy(), String.valueOf(report.problem()));
        assertEquals(List.of(), report.schema().pending());
        assertTrue(Integer.parseInt(report.schema().version()) >= report.schema().applied(), report.schema().toString());
        StoreIntegrity integrity = report.integrity();
        assertTrue(integrity.ok(), integrity.problems().toString());
        assertTrue(integrity.tables() >= 20, "tables: " + integrity.tables());
        assertTrue(integrity.indexes() >= integrity.tables(), "every table has at least its primary key: " + integrity.indexes());
        // three journal rows plus Flyway's history rows ("history table created" and one per migration)
        assertEquals(3 + 1 + report.schema().applied(), integrity.rows());
        assertTrue(report.databaseSize() > 0);
        assertEquals(List.of(), report.backups());
    }

    @Test
    void checkOfAFolderWithoutAStoreSaysSoAndOfAGarbageFileReportsTheProblem() throws Exception {
        StoreReport none = maintenance().check();
        assertFalse(none.exists());
        assertTrue(none.healthy());

        Files.write(dir.resolve("leverdesk.mv.db"), new byte[40_000]);
        StoreReport garbage = maintenance().check();
        assertFalse(garbage.healthy());
        assertTrue(garbage.problem().startsWith("cannot open the Leverdesk store " + dir.resolve("leverdesk.mv.db")),
                garbage.problem());
    }

    @Test
    void checkDoesNotReadAStoreThatIsInUse() {
        journal(dir, "one");
        try (Store open = Store.open(dir)) {
            StoreReport report = maintenance().check();
            assertTrue(report.inUse());
            assertNull(report.integrity());
            assertTrue(report.healthy());
            assertTrue(report.databaseSize() > 0);
        }
    }

    @Test
    void restorePutsTheBackupBackAndKeepsTheStoreItReplaced() {
        journal(dir, "before the backup");
        StoreBackup manual = maintenance().backup();
        assertEquals("manual", manual.reason());
        journal(dir, "after the backup");
        clock.advance(Duration.ofSeconds(5));

        StoreMaintenance.Restored restored = maintenance().restore(null);

        assertEquals(manual.file(), restored.source().file());
        assertNotNull(restored.replaced());
        assertEquals("before-restore", restored.replaced().reason());
        assertEquals(List.of("before the backup"), journalMessages(dir));
        // ...and the replaced store can be put back by name.
        maintenance().restore(restored.replaced().file().getFileName().toString());
        assertEquals(List.of("after the backup", "before the backup"), journalMessages(dir));
    }

    @Test
    void restoreAndBackupAreRefusedWhileTheStoreIsInUse() {
        journal(dir, "one");
        maintenance().backup();
        try (Store open = Store.open(dir)) {
            StoreLockedException e = assertThrows(StoreLockedException.class, () -> maintenance().restore(null));
            assertEquals("the Leverdesk store at " + dir + " is in use by another Leverdesk process; stop it (close the window,"
                    + " stop the daemon) before you restore it", e.getMessage());
            e = assertThrows(StoreLockedException.class, () -> maintenance().backup());
            assertTrue(e.getMessage().endsWith("before you back it up"), e.getMessage());
        }
    }

    @Test
    void aDamagedBackupIsRefusedAndTheStoreIsNotChanged() throws Exception {
        journal(dir, "kept");
        Path bad = dir.resolve("bad.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(bad))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("leverdesk.mv.db"));
            zip.write(new byte[40_000]);
        }
        StoreException e = assertThrows(StoreException.class, () -> maintenance().restore(bad.toString()));
        assertTrue(e.getMessage().startsWith("the backup " + bad + " does not hold a usable Leverdesk store ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("); the store was not changed; choose another backup"), e.getMessage());
        assertEquals(List.of("kept"), journalMessages(dir));
        assertFalse(Files.exists(dir.resolve("leverdesk-restore.mv.db")));

        e = assertThrows(StoreException.class, () -> maintenance().restore("leverdesk-20200101T000000Z-daily.zip"));
        assertEquals("there is no backup leverdesk-20200101T000000Z-daily.zip (neither in " + dir.resolve("backups")
                + " nor as a file); `leverdesk store check` lists the backups", e.getMessage());
    }

    @Test
    void restoreWithoutAnyBackupSaysThereIsNone() {
        journal(dir, "one");
        StoreException e = assertThrows(StoreException.class, () -> maintenance().restore(null));
        assertEquals("no backup of the store exists in " + dir.resolve("backups") + "; nothing to restore", e.getMessage());
    }
}
