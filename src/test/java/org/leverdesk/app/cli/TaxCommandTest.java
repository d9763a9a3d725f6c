package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leverdesk tax} on a scripted year: lots, a wash sale, an assigned put and a covered call (figures by hand in TaxLotsTest). */
class TaxCommandTest {
    @TempDir
    Path dir;

    private Path fills() throws Exception {
        return Files.write(dir.resolve("fills.csv"), List.of(
                "date,symbol,action,quantity,price,fees",
                "2025-01-10,AAA,BUY,100,10,1",
                "2026-01-12,AAA,SELL,100,15,0",          // long term: 1,500 - 1,001 = 499
                "2026-02-02,BBB,BUY,100,50,0",
                "2026-03-02,BBB,SELL,100,40,0",          // loss 1,000, 600 of it washed by the buy below
                "2026-03-20,BBB,BUY,60,42,0",
                "2026-05-01,BBB,SELL,60,45,0",           // 2,700 - 3,120 = -420
                "2026-01-05,QQQ260116P00400000,SELL,1,5.00,0.65",
                "2026-01-16,QQQ260116P00400000,ASSIGNED,1,,",
                "2026-01-20,QQQ260220C00410000,SELL,1,3.00,0.65",
                "2026-02-20,QQQ260220C00410000,ASSIGNED,1,,"));   // 41,299.35 - 39,500.65 = 1,798.70
    }

    @Test
    void aScriptedYearPrintsTheHandComputedFiguresAndWritesThe8949Csv() throws Exception {
        CliRun cli = new CliRun();
        Path csv = dir.resolve("out/8949.csv");
        assertEquals(0, cli.run("tax", "--year", "2026", "--fills", fills().toString(), "--csv", csv.toString(),
                "--data-dir", dir.resolve("data").toString()), cli.err.toString());
        String out = cli.out.toString();
        // short term: -400 (after the 600 wash adjustment) - 420 + 1,798.70 = 978.70; long term 499
        assertTrue(out.contains("short-term gain 978.70, long-term gain 499.00, wash-sale adjustments 600.00"), out);
        assertTrue(out.contains("100 sh BBB | acquired 2026-02-02 | sold 2026-03-02 | proceeds 4000.00 | basis 5000.00 | W 600.00 | gain -400.00"), out);
        List<String> rows = Files.readAllLines(csv);
        assertEquals("Part,(a) Description of property,(b) Date acquired,(c) Date sold or disposed of,(d) Proceeds,"
                + "(e) Cost or other basis,(f) Code(s),(g) Amount of adjustment,(h) Gain or (loss)", rows.get(0));
        assertTrue(rows.contains("I,100 sh BBB,02/02/2026,03/02/2026,4000.00,5000.00,W,600.00,-400.00"), rows.toString());
        assertTrue(rows.contains("II,100 sh AAA,01/10/2025,01/12/2026,1500.00,1001.00,,,499.00"), rows.toString());
        assertTrue(rows.contains("II,Totals (long term),,,1500.00,1001.00,,0.00,499.00"), rows.toString());
    }

    @Test
    void anEmptyPaperAccountHasNothingToReport() {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("tax", "--year", "2026", "--data-dir", dir.resolve("data").toString(), "--create"), cli.err.toString());
        assertTrue(cli.out.toString().contains("short-term gain 0.00, long-term gain 0.00"), cli.out.toString());
    }

    @Test
    void aBadMethodIsOneLine() throws Exception {
        CliRun cli = new CliRun();
        assertEquals(2, cli.run("tax", "--year", "2026", "--fills", fills().toString(), "--method", "lifo"));
        assertEquals("error: --method must be fifo or hifo (got 'lifo')" + System.lineSeparator(), cli.err.toString());
    }
}
