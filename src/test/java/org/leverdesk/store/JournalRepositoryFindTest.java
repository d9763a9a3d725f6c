package org.leverdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searching the journal: filters combine, newest first, keyset pages, LIKE wildcards taken literally. */
class JournalRepositoryFindTest {
    private static final Instant DAY1 = Instant.parse("2026-03-02T20:50:00Z");
    private static final Instant DAY2 = Instant.parse("2026-03-03T20:50:00Z");
    private static final Instant DAY3 = Instant.parse("2026-03-04T20:50:00Z");

    @TempDir
    Path dir;
    private Store store;
    private final SettableClock clock = new SettableClock(DAY1);
    private JournalRepository journal;
    private JournalEntry decision1;
    private JournalEntry order1;
    private JournalEntry app2;
    private JournalEntry decision3;
    private JournalEntry denial3;

    @BeforeEach
    void fill() {
        store = Store.open(dir);
        journal = new JournalRepository(store, clock);
        decision1 = journal.append("DECISION", "lev-trend", "hold TQQQ: regime BULL", null);
        order1 = journal.append("ORDER", "lev-trend", "buy 120 TQQQ limit 51.26", "{\"qty\":120}");
        clock.now = DAY2;
        app2 = journal.append("APP", null, "store opened", null);
        clock.now = DAY3;
        decision3 = journal.append("DECISION", "dca", "buy 5 QQQ (weekly 50% of budget)", null);
        denial3 = journal.append("DENIAL", "lev-trend", "kill switch is on: buy TQQQ denied", null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private JournalQuery query(String strategy, String kind, Instant from, Instant to, String text) {
        return new JournalQuery(strategy, kind, from, to, text, null, 100);
    }

    @Test
    void withoutFiltersEverythingComesNewestFirst() {
        assertEquals(List.of(denial3, decision3, app2, order1, decision1), journal.find(JournalQuery.newest(100)));
    }

    @Test
    void strategyKindDateAndTextCombine() {
        assertEquals(List.of(denial3, order1, decision1), journal.find(query("lev-trend", null, null, null, null)));
        assertEquals(List.of(decision3, decision1), journal.find(query(null, "DECISION", null, null, null)));
        assertEquals(List.of(decision1), journal.find(query("lev-trend", "DECISION", null, null, null)));
        // from inclusive, to exclusive: exactly DAY2 is in, DAY3 is out
        assertEquals(List.of(app2), journal.find(query(null, null, DAY2, DAY3, null)));
        assertEquals(List.of(denial3, decision3, app2), journal.find(query(null, null, DAY2, null, null)));
        assertEquals(List.of(denial3, order1, decision1), journal.find(query(null, null, null, null, " TqQq ")));
        assertEquals(List.of(denial3), journal.find(query("lev-trend", "DENIAL", DAY3, DAY3.plus(Duration.ofDays(1)), "kill")));
    }

    @Test
    void percentAndUnderscoreInTheSearchAreLiteral() {
        assertEquals(List.of(decision3), journal.find(query(null, null, null, null, "50%")));
        assertEquals(List.of(), journal.find(query(null, null, null, null, "5_%")));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        List<JournalEntry> first = journal.find(new JournalQuery(null, null, null, null, null, null, 2));
        assertEquals(List.of(denial3, decision3), first);
        List<JournalEntry> second = journal.find(new JournalQuery(null, null, null, null, null, decision3.id(), 2));
        assertEquals(List.of(app2, order1), second);
        // an entry appended meanwhile does not shift the next page
        journal.append("APP", null, "newer", null);
        assertEquals(List.of(decision1), journal.find(new JournalQuery(null, null, null, null, null, order1.id(), 2)));
    }

    @Test
    void distinctKindsAndStrategiesForTheFilterLists() {
        assertEquals(List.of("APP", "DECISION", "DENIAL", "ORDER"), journal.kinds());
        assertEquals(List.of("dca", "lev-trend"), journal.strategies());
    }

    @Test
    void badQueriesAreRefusedWithAMessage() {
        assertEquals("a journal page holds 1 to 10000 entries (got 0)",
                assertThrows(IllegalArgumentException.class, () -> JournalQuery.newest(0)).getMessage());
        assertEquals("the journal range must start before it ends (got 2026-03-03T20:50:00Z to 2026-03-02T20:50:00Z)",
                assertThrows(IllegalArgumentException.class, () -> query(null, null, DAY2, DAY1, null)).getMessage());
        // blank filters mean "any"
        assertEquals(5, journal.find(query(" ", "", null, null, "  ")).size());
    }

    private static final class SettableClock extends Clock {
        Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
