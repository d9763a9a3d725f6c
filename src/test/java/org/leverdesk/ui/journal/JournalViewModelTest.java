package org.leverdesk.ui.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.Store;
import org.leverdesk.ui.TestTaskExecutor;

/** The Journal view's state over a real store: filters, live polling, paging and the two exports. */
class JournalViewModelTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @TempDir
    Path dir;
    private Store store;
    private JournalRepository journal;
    private Instant now = Instant.parse("2026-03-02T20:50:00Z"); // 15:50 in New York
    private final Clock clock = new Clock() {
        @Override public ZoneId getZone() { return NEW_YORK; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    private JournalViewModel vm;

    @BeforeEach
    void fill() {
        store = Store.open(dir);
        journal = new JournalRepository(store, clock);
        journal.append("DECISION", "lev-trend", "hold TQQQ: regime BULL", "{\"regime\":\"BULL\"}");
        journal.append("ORDER", "lev-trend", "buy 120 TQQQ limit 51.26", null);
        now = Instant.parse("2026-03-03T02:00:00Z"); // still March 2 in New York (21:00)
        journal.append("APP", null, "daily summary sent, equity $10,412.50", null);
        now = Instant.parse("2026-03-03T20:50:00Z");
        journal.append("DENIAL", "dca", "kill switch is on: \"buy 5 QQQ\" denied", null);
        vm = new JournalViewModel(JournalSource.of(journal), new TestTaskExecutor(), clock);
        vm.refresh();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> messages() {
        return vm.entries().stream().map(JournalRow::message).toList();
    }

    @Test
    void everyEntryNewestFirstWithTheFilterLists() {
        assertEquals(List.of("kill switch is on: \"buy 5 QQQ\" denied", "daily summary sent, equity $10,412.50",
                "buy 120 TQQQ limit 51.26", "hold TQQQ: regime BULL"), messages());
        assertEquals(new JournalRow(1, "2026-03-02 15:50", "DECISION", "lev-trend", "hold TQQQ: regime BULL", "{\"regime\":\"BULL\"}"),
                vm.entries().get(3));
        assertEquals(List.of("All strategies", "dca", "lev-trend"), vm.strategyOptions());
        assertEquals(List.of("All kinds", "APP", "DECISION", "DENIAL", "ORDER"), vm.kindOptions());
        assertEquals("4 entries · newest first", vm.countTextProperty().get());
    }

    @Test
    void filtersByStrategyKindDaysInNewYorkAndText() {
        vm.strategyProperty().set("lev-trend");
        assertEquals(List.of("buy 120 TQQQ limit 51.26", "hold TQQQ: regime BULL"), messages());
        vm.kindProperty().set("ORDER");
        assertEquals(List.of("buy 120 TQQQ limit 51.26"), messages());
        vm.clearFilters();
        assertEquals(4, vm.entries().size());

        // March 2 in New York includes the 21:00 summary (02:00 UTC on March 3)
        vm.fromProperty().set(LocalDate.of(2026, 3, 2));
        vm.toProperty().set(LocalDate.of(2026, 3, 2));
        assertEquals(3, vm.entries().size());
        vm.fromProperty().set(LocalDate.of(2026, 3, 3));
        vm.toProperty().set(LocalDate.of(2026, 3, 3));
        assertEquals(List.of("kill switch is on: \"buy 5 QQQ\" denied"), messages());
        vm.clearFilters();

        vm.searchProperty().set("tqqq");
        assertEquals(2, vm.entries().size());
        vm.searchProperty().set("no such words");
        assertEquals("No entries match", vm.countTextProperty().get());
    }

    @Test
    void aReversedDateRangeSaysWhatToDo() {
        vm.fromProperty().set(LocalDate.of(2026, 3, 3));
        vm.toProperty().set(LocalDate.of(2026, 3, 1));
        assertEquals("The From date 2026-03-03 is after the To date 2026-03-01; change one of them", vm.errorMessageProperty().get());
        assertTrue(vm.entries().isEmpty());
        vm.toProperty().set(LocalDate.of(2026, 3, 4));
        assertEquals("", vm.errorMessageProperty().get());
        assertEquals(1, vm.entries().size());
    }

    @Test
    void pollingAddsNewEntriesOnTopThatMatchTheFilter() {
        vm.strategyProperty().set("lev-trend");
        journal.append("FILL", "lev-trend", "filled 120 TQQQ at 51.20", null);
        journal.append("APP", null, "scheduler paused", null);
        vm.poll();
        assertEquals(List.of("filled 120 TQQQ at 51.20", "buy 120 TQQQ limit 51.26", "hold TQQQ: regime BULL"), messages());
        assertTrue(vm.kindOptions().contains("FILL"));
        vm.poll();
        assertEquals(3, vm.entries().size(), "nothing new, nothing added twice");
    }

    @Test
    void olderPagesLoadOnDemand() {
        for (int i = 0; i < JournalViewModel.PAGE; i++) {
            journal.append("APP", null, "tick " + i, null);
        }
        vm.refresh();
        assertEquals(JournalViewModel.PAGE, vm.entries().size());
        assertTrue(vm.hasMoreProperty().get());
        assertEquals("500 entries shown, more are older · newest first", vm.countTextProperty().get());
        vm.loadMore();
        assertEquals(JournalViewModel.PAGE + 4, vm.entries().size());
        assertFalse(vm.hasMoreProperty().get());
        assertEquals("hold TQQQ: regime BULL", vm.entries().get(vm.entries().size() - 1).message());
    }

    @Test
    void exportsWhatTheFilterMatchesAsCsvAndJsonLines() throws Exception {
        vm.kindProperty().set("DENIAL");
        Path csv = dir.resolve("journal.csv");
        vm.exportCsv(csv);
        assertEquals("id,at,kind,strategy,message,details_json\r\n"
                + "4,2026-03-03T20:50:00Z,DENIAL,dca,\"kill switch is on: \"\"buy 5 QQQ\"\" denied\",\r\n", Files.readString(csv));
        assertEquals("Wrote 1 entry as CSV to " + csv, vm.statusMessageProperty().get());

        vm.kindProperty().set(JournalViewModel.ALL_KINDS);
        vm.strategyProperty().set("lev-trend");
        Path jsonl = dir.resolve("journal.jsonl");
        vm.exportJsonLines(jsonl);
        assertEquals(List.of(
                "{\"id\":2,\"at\":\"2026-03-02T20:50:00Z\",\"kind\":\"ORDER\",\"strategy\":\"lev-trend\",\"message\":\"buy 120 TQQQ limit 51.26\",\"details\":null}",
                "{\"id\":1,\"at\":\"2026-03-02T20:50:00Z\",\"kind\":\"DECISION\",\"strategy\":\"lev-trend\",\"message\":\"hold TQQQ: regime BULL\",\"details\":{\"regime\":\"BULL\"}}"),
                Files.readAllLines(jsonl));
    }

    @Test
    void anExportToAMissingFolderFailsWithAMessage() {
        Path nowhere = dir.resolve("missing").resolve("journal.csv");
        vm.exportCsv(nowhere);
        assertTrue(vm.errorMessageProperty().get().startsWith("Cannot export the journal: cannot write " + nowhere
                + ": the folder "), vm.errorMessageProperty().get());
        assertFalse(Files.exists(nowhere));
    }
}
