package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.market.data.Split;
import org.leverdesk.store.SplitRepository;
import org.leverdesk.store.Store;

/** {@code leverdesk data split} through the real command line: recorded once, listed, bad input refused in one line. */
class DataSplitCommandTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        CliRun cli = new CliRun();
        cli.run(args);
        return cli;
    }

    private CliRun split(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("data", "split", "--data-dir", dir.toString(), "--create"));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    @Test
    void recordsASplitOnceAndListsIt() {
        // 2027-01-04 is a Monday session after today (the command checks the ex-date against the real clock).
        CliRun first = split("TQQQ", "--date", "2027-01-04", "--ratio", "2:1");
        assertEquals(0, first.code, first.err.toString());
        assertTrue(first.out.toString().startsWith("recorded the TQQQ 2:1 split going ex 2027-01-04; the paper account applies it at"
                + " that session's open"), first.out.toString());
        CliRun again = split("tqqq", "--date", "2027-01-04", "--ratio", "2:1");
        assertEquals(0, again.code, again.err.toString());
        assertTrue(again.out.toString().startsWith("already known: the TQQQ 2:1 split"), again.out.toString());
        CliRun list = split("--list");
        assertEquals("TQQQ 2:1 split going ex 2027-01-04 (manual)" + System.lineSeparator(), list.out.toString());
        try (Store store = Store.open(dir)) {
            List<Split> all = new SplitRepository(store).all();
            assertEquals(1, all.size());
            assertEquals(0, all.get(0).ratio().compareTo(java.math.BigDecimal.valueOf(2)));
        }
    }

    @Test
    void aBadRatioAPastDateOrAWeekendIsOneErrorLineAndNothingIsRecorded() {
        CliRun ratio = split("TQQQ", "--date", "2027-01-04", "--ratio", "2/1");
        assertEquals(2, ratio.code);
        assertTrue(ratio.err.toString().contains("error: the split ratio '2/1' is not new:old shares, e.g. 2:1 (forward) or 1:10 (reverse)"),
                ratio.err.toString());
        CliRun past = split("TQQQ", "--date", "2025-01-02", "--ratio", "1:10");
        assertEquals(2, past.code);
        assertTrue(past.err.toString().contains("the ex-date 2025-01-02 has passed"), past.err.toString());
        CliRun weekend = split("TQQQ", "--date", "2027-01-02", "--ratio", "1:10");
        assertEquals(2, weekend.code);
        assertTrue(weekend.err.toString().contains("2027-01-02 is not an NYSE session"), weekend.err.toString());
        CliRun conflict = split("TQQQ", "--date", "2027-01-04", "--ratio", "3:1");
        assertEquals(0, conflict.code);
        CliRun other = split("TQQQ", "--date", "2027-01-04", "--ratio", "2:1");
        assertEquals(2, other.code);
        assertTrue(other.err.toString().contains("TQQQ already has a 3:1 split going ex 2027-01-04"), other.err.toString());
        try (Store store = Store.open(dir)) {
            assertEquals(1, new SplitRepository(store).all().size());
        }
    }
}
