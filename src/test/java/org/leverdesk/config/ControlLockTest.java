package org.leverdesk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlLockTest {
    @TempDir
    Path dir;

    private Instant now = Instant.parse("2026-12-06T15:00:00Z");
    private final Clock clock = new Clock() {
        public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        public Clock withZone(java.time.ZoneId zone) { return this; }
        public Instant instant() { return now; }
    };

    @Test
    void withoutAPassphraseEverythingIsOpen() {
        ControlLock lock = new ControlLock(dir.resolve(ControlLock.FILE_NAME), clock);
        assertFalse(lock.isSet());
        assertTrue(lock.check("anything".toCharArray()).unlocked());
    }

    @Test
    void onlyASaltedHashIsKeptOwnerOnly() throws Exception {
        ControlLock lock = new ControlLock(dir.resolve(ControlLock.FILE_NAME), clock);
        lock.set("correct horse".toCharArray());
        String text = Files.readString(lock.file());
        assertFalse(text.contains("correct horse"), text);
        assertTrue(text.contains("\"algorithm\" : \"PBKDF2WithHmacSHA256\"") && text.contains("\"iterations\" : 210000"), text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lock.file())));
        assertTrue(lock.check("correct horse".toCharArray()).unlocked());
        assertThrows(IllegalArgumentException.class, () -> lock.set("short".toCharArray()));
    }

    @Test
    void wrongAttemptsAreSlowedDownEvenAcrossARestart() {
        Path file = dir.resolve(ControlLock.FILE_NAME);
        new ControlLock(file, clock).set("correct horse".toCharArray());
        ControlLock lock = new ControlLock(file, clock);
        assertEquals("wrong passphrase (1 in a row)", lock.check("nope".toCharArray()).reason());
        // the next attempt within 1 s is refused without being checked, even the right passphrase
        ControlLock.Verdict early = new ControlLock(file, clock).check("correct horse".toCharArray());
        assertFalse(early.unlocked());
        assertEquals("too many wrong passphrases: try again in 1 s", early.reason());
        now = now.plusSeconds(1);
        assertEquals("wrong passphrase (2 in a row)", lock.check("nope".toCharArray()).reason());
        now = now.plusSeconds(1);
        assertFalse(lock.check("correct horse".toCharArray()).unlocked(), "the second failure waits 2 s");
        now = now.plus(Duration.ofSeconds(1));
        assertTrue(lock.check("correct horse".toCharArray()).unlocked());
        assertEquals("wrong passphrase (1 in a row)", lock.check("nope".toCharArray()).reason(), "a success resets the count");
    }

    @Test
    void clearingNeedsTheCurrentPassphrase() {
        ControlLock lock = new ControlLock(dir.resolve(ControlLock.FILE_NAME), clock);
        lock.set("correct horse".toCharArray());
        assertFalse(lock.clear("nope".toCharArray()).unlocked());
        assertTrue(lock.isSet());
        now = now.plusSeconds(5);
        assertTrue(lock.clear("correct horse".toCharArray()).unlocked());
        assertFalse(lock.isSet());
    }

    @Test
    void refusalsAreJournalledAndSlowedDown() throws Exception {
        ControlLock lock = new ControlLock(dir.resolve(ControlLock.FILE_NAME), clock);
        lock.set("correct horse".toCharArray());
        java.util.List<String> journal = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AutoCloseable audit = ControlLock.journalRefusals(lock.file(), journal::add)) {
            assertFalse(lock.check("wrong".toCharArray()).unlocked());
            // Within a second of the first failure even the right passphrase is refused, unchecked.
            ControlLock.Verdict early = lock.check("correct horse".toCharArray());
            assertFalse(early.unlocked());
            assertEquals("too many wrong passphrases: try again in 1 s", early.reason());
            now = now.plusSeconds(1);
            assertFalse(lock.check("wrong again".toCharArray()).unlocked());
            now = now.plusSeconds(1);
            assertFalse(lock.check("correct horse".toCharArray()).unlocked(), "2 s after the second failure");
            now = now.plusSeconds(1);
            assertTrue(lock.check("correct horse".toCharArray()).unlocked());
        }
        assertEquals(java.util.List.of(
                "wrong passphrase (1 in a row); the next attempt waits 1 s",
                "an attempt refused unchecked during the slow-down after 1 wrong passphrase(s) in a row (too many wrong"
                        + " passphrases: try again in 1 s)",
                "wrong passphrase (2 in a row); the next attempt waits 2 s",
                "an attempt refused unchecked during the slow-down after 2 wrong passphrase(s) in a row (too many wrong"
                        + " passphrases: try again in 1 s)"), journal);
        assertFalse(lock.check("wrong".toCharArray()).unlocked());
        assertEquals(4, journal.size(), "after the handle is closed nothing more is sent there");
    }
}
