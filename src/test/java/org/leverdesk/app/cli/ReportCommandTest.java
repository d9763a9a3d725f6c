package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leverdesk report}: the scheduler's account report on demand, kept in the reports folder. */
class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void aWeeklyReportOfAFreshPaperAccountIsWrittenAndPrinted() throws Exception {
        CliRun cli = new CliRun();
        Path data = dir.resolve("data");
        assertEquals(0, cli.run("report", "weekly", "--date", "2026-12-04", "--data-dir", data.toString(), "--create",
                "--config", dir.resolve("none.json").toString()), cli.err.toString());
        String out = cli.out.toString();
        assertTrue(out.startsWith("# Weekly report 2026-11-30 to 2026-12-04"), out);
        assertTrue(out.contains("| Equity | $100,000.00 |"), out);
        assertTrue(out.contains("No positions."), out);
        assertTrue(out.contains("No orders in the period."), out);
        Path file = data.resolve("reports/weekly-2026-12-04.md");
        assertTrue(out.contains("written to " + file), out);
        assertEquals(out.substring(0, out.indexOf("\nwritten to")).strip(), Files.readString(file).strip());
    }

    @Test
    void anUnknownReportIsOneLine() {
        CliRun cli = new CliRun();
        assertEquals(2, cli.run("report", "monthly", "--data-dir", dir.resolve("data").toString(),
                "--config", dir.resolve("none.json").toString()));
        assertEquals("error: the report is 'daily' or 'weekly' (got 'monthly')" + System.lineSeparator(), cli.err.toString());
    }
}
