package org.leverdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.testing.MutableClock;

/** Rolling backups: when they are taken, what they are called, how many are kept, and that they hold the store. */
class StoreBackupsTest {
    private static final Instant T0 = Instant.parse("2026-12-07T14:30:05Z");

    @TempDir
    Path dir;

    private static int journalRows(Store store) {
        return store.read("count", c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM journal")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static void journal(Store store, String message) {
        new JournalRepository(store, java.time.Clock.systemUTC()).append("test", null, message, null);
    }

    private List<String> backupNames() {
        return new StoreBackups(dir, BackupPolicy.defaults(), new MutableClock(T0)).list().stream()
                .map(b -> b.file().getFileName().toString()).toList();
    }

    @Test
    void aNewStoreIsNotBackedUpButTheNextOpenTakesTheDailyBackupAndNotTwiceADay() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (Store store = Store.open(dir, BackupPolicy.defaults(), clock, Store.DEFAULT_MIGRATIONS)) {
            journal(store, "first");
        }
        assertEquals(List.of(), backupNames(), "a store just made holds nothing worth a backup");

        clock.advance(Duration.ofMinutes(1));
        try (Store store = Store.open(dir, BackupPolicy.defaults(), clock, Store.DEFAULT_MIGRATIONS)) {
            journal(store, "second");
        } // close waits for the backup the open started
        assertEquals(List.of("leverdesk-20261207T143105Z-daily.zip"), backupNames());

        clock.advance(Duration.ofHours(23));
        Store.open(dir, BackupPolicy.defaults(), clock, Store.DEFAULT_MIGRATIONS).close();
        assertEquals(1, backupNames().size(), "the newest backup is less than a day old");

        clock.advance(Duration.ofHours(1));
        Store.open(dir, BackupPolicy.defaults(), clock, Store.DEFAULT_MIGRATIONS).close();
        assertEquals(List.of("leverdesk-20261208T143105Z-daily.zip", "leverdesk-20261207T143105Z-daily.zip"), backupNames());
    }

    @Test
    void aDailyBackupHoldsWhatWasCommittedBeforeIt() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (Store store = Store.open(dir, BackupPolicy.defaults(), clock, Store.DEFAULT_MIGRATIONS)) {
            journal(store, "before the backup");
        }
        Store.open(dir, BackupPolicy.defaults(), clock, Store.DEFAULT_MIGRATIONS).close();
        StoreBackup daily = new StoreBackups(dir, BackupPolicy.defaults(), clock).newest().orElseThrow();

        Path copy = Files.createDirectories(dir.resolve("copy"));
        StoreBackups.extract(daily.file(), copy.resolve("leverdesk.mv.db"));
        try (Store restored = Store.open(copy, new BackupPolicy(1, Duration.ZERO))) {
            assertEquals(1, journalRows(restored));
        }
    }

    @Test
    void onlyTheNewestKeptBackupsStayAndSameSecondNamesGetANumber() {
        MutableClock clock = new MutableClock(T0);
        Store.open(dir, new BackupPolicy(3, Duration.ZERO), clock, Store.DEFAULT_MIGRATIONS).close();
        StoreBackups backups = new StoreBackups(dir, new BackupPolicy(3, Duration.ZERO), clock);
        Path db = dir.resolve("leverdesk.mv.db");
        backups.ofFile(db, "manual");
        backups.ofFile(db, "manual");
        clock.advance(Duration.ofSeconds(1));
        backups.ofFile(db, "before-v7");
        clock.advance(Duration.ofSeconds(1));
        backups.ofFile(db, "manual");
        assertEquals(List.of("leverdesk-20261207T143007Z-manual.zip", "leverdesk-20261207T143006Z-before-v7.zip",
                "leverdesk-20261207T143005Z-manual-2.zip"), backupNames());
        StoreBackup v7 = backups.list().get(1);
        assertEquals("before-v7", v7.reason());
        assertEquals(Instant.parse("2026-12-07T14:30:06Z"), v7.takenAt());
        assertTrue(v7.size() > 0);
    }

    @Test
    void aBackupLeftHalfWrittenByAKillIsNeitherListedNorKept() throws Exception {
        Store.open(dir).close();
        Path backups = Files.createDirectories(dir.resolve("backups"));
        Path part = Files.writeString(backups.resolve("leverdesk-20261207T143005Z-daily.zip.part"), "half");
        Files.writeString(backups.resolve("notes.txt"), "not a backup");
        assertEquals(List.of(), backupNames());
        Store.open(dir).close();
        assertFalse(Files.exists(part));
        assertTrue(Files.exists(backups.resolve("notes.txt")), "other files are left alone");
    }

    @Test
    void thePolicyComesFromTheEnvironmentAndABadValueIsOneLine() {
        assertEquals(BackupPolicy.defaults(), BackupPolicy.fromEnvironment(Map.of()));
        assertEquals(new BackupPolicy(30, Duration.ofHours(6)), BackupPolicy.fromEnvironment(Map.of(
                BackupPolicy.KEPT_VARIABLE, "30", BackupPolicy.HOURS_VARIABLE, " 6 ")));
        assertEquals(Duration.ZERO, BackupPolicy.fromEnvironment(Map.of(BackupPolicy.HOURS_VARIABLE, "0")).every());
        StoreException e = assertThrows(StoreException.class,
                () -> BackupPolicy.fromEnvironment(Map.of(BackupPolicy.KEPT_VARIABLE, "0")));
        assertEquals("LEVERDESK_STORE_BACKUPS=0 is not a whole number from 1 to 1000; fix or unset it (default 10)", e.getMessage());
        e = assertThrows(StoreException.class, () -> BackupPolicy.fromEnvironment(Map.of(BackupPolicy.HOURS_VARIABLE, "daily")));
        assertEquals("LEVERDESK_STORE_BACKUP_HOURS=daily is not a whole number from 0 to 8784; fix or unset it (default 24)",
                e.getMessage());
    }
}
