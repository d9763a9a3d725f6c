package org.leverdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-03-02T20:50:00Z");

    @TempDir
    Path dir;
    private Store store;
    private JournalRepository journal;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        journal = new JournalRepository(store, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void appendedEntriesComeBackNewestFirst() {
        JournalEntry a = journal.append("DECISION", "lev-trend", "hold TQQQ", "{\"close\":512.25}");
        JournalEntry b = journal.append("APP", null, "store opened", null);
        JournalEntry c = journal.append("ORDER", "lev-trend", "buy 10 TQQQ", "[1,2]");
        assertEquals(new JournalEntry(a.id(), NOW, "DECISION", "lev-trend", "hold TQQQ", "{\"close\":512.25}"), a);
        assertTrue(a.id() < b.id() && b.id() < c.id());
        assertEquals(List.of(c, b), journal.recent(2));
        assertEquals(List.of(c, b, a), journal.recent(10));
        assertEquals(List.of(), journal.recent(0));
    }

    @Test
    void updateIsRejectedByTheDatabase() {
        journal.append("APP", null, "original", null);
        StoreException e = assertThrows(StoreException.class, () -> store.inTransaction("edit the journal",
                c -> c.createStatement().executeUpdate("UPDATE journal SET message = 'rewritten'")));
        assertTrue(e.getMessage().contains("the journal is append-only: rows cannot be changed or deleted"), e.getMessage());
        assertEquals("original", journal.recent(1).get(0).message());
    }

    @Test
    void deleteIsRejectedByTheDatabase() throws SQLException {
        journal.append("APP", null, "keep me", null);
        try (var c = store.connection(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM journal"));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        }
        assertEquals(1, journal.recent(5).size());
    }

    @Test
    void overlongMessageIsShortenedNotLost() {
        JournalEntry e = journal.append("APP", null, "x".repeat(5000), null);
        assertEquals(JournalRepository.MAX_MESSAGE, e.message().length());
        assertTrue(e.message().endsWith("…"));
        assertEquals(e, journal.recent(1).get(0));
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertEquals("journal details must be JSON: Unexpected character ('n' (code 110)): was expecting double-quote to start field name",
                assertThrows(IllegalArgumentException.class, () -> journal.append("APP", null, "m", "{not json}")).getMessage());
        assertEquals("a journal entry needs a message",
                assertThrows(IllegalArgumentException.class, () -> journal.append("APP", null, " ", null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> journal.append("", null, "m", null));
        assertThrows(IllegalArgumentException.class, () -> journal.recent(-1));
        assertEquals(List.of(), journal.recent(5));
    }
}
