package org.leverdesk.market.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.testing.WeekdayCalendar;

/** Reads every file of the shared real price data; skipped when the data is not there. */
class CsvBarReaderRealFilesTest {
    /** Row counts from SOURCES.md. */
    private static final Map<String, Integer> ROWS = Map.ofEntries(
            Map.entry("QQQ", 6680), Map.entry("SPY", 8222), Map.entry("GLD", 5247), Map.entry("TQQQ", 4080),
            Map.entry("SQQQ", 4080), Map.entry("QQQM", 1394), Map.entry("VIX", 9206), Map.entry("NVDA", 6084),
            Map.entry("MSFT", 6084), Map.entry("JEF", 6084), Map.entry("TSLA", 3447), Map.entry("PLTR", 865),
            Map.entry("SOFI", 800), Map.entry("AFRM", 793), Map.entry("CPER", 1654));

    /** NYSE holidays outside SPY's range (1993-01-29..2025-09-26), listed by hand from the exchange's schedule. */
    private static final String[] HOLIDAYS_OUTSIDE_SPY = {
        "1990-01-01", "1990-02-19", "1990-04-13", "1990-05-28", "1990-07-04", "1990-09-03", "1990-11-22", "1990-12-25",
        "1991-01-01", "1991-02-18", "1991-03-29", "1991-05-27", "1991-07-04", "1991-09-02", "1991-11-28", "1991-12-25",
        "1992-01-01", "1992-02-17", "1992-04-17", "1992-05-25", "1992-07-03", "1992-09-07", "1992-11-26", "1992-12-25",
        "1993-01-01",
        "2025-11-27", "2025-12-25", "2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25",
        "2026-06-19", "2026-07-03"};

    private static Path dir;
    private static CsvBarReader reader;

    @BeforeAll
    static void calendarFromSpy() {
        dir = Path.of(System.getProperty("leverdesk.shared.prices", "../shared/data/prices"));
        Assumptions.assumeTrue(Files.isDirectory(dir), "real prices not found at " + dir + "; skipping");
        // NYSE's closed weekdays within SPY's range are exactly the weekdays SPY has no row for.
        List<Bar> spy = new CsvBarReader(new WeekdayCalendar(List.of())).read(dir.resolve("SPY.csv"));
        Set<LocalDate> open = new HashSet<>();
        spy.forEach(b -> open.add(b.date()));
        List<LocalDate> holidays = new ArrayList<>();
        WeekdayCalendar weekdays = new WeekdayCalendar(List.of());
        for (LocalDate d : weekdays.tradingDays(spy.get(0).date(), spy.get(spy.size() - 1).date())) {
            if (!open.contains(d)) {
                holidays.add(d);
            }
        }
        for (String d : HOLIDAYS_OUTSIDE_SPY) {
            holidays.add(LocalDate.parse(d));
        }
        reader = new CsvBarReader(new WeekdayCalendar(holidays));
    }

    @Test
    void everySharedFileReadsCleanlyWithTheRowCountOfSourcesMd() throws IOException {
        List<String> seen = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                String symbol = f.getFileName().toString().replace(".csv", "");
                List<Bar> bars = reader.read(f);
                assertEquals(ROWS.get(symbol), bars.size(), symbol);
                seen.add(symbol);
            }
        }
        assertEquals(ROWS.keySet(), Set.copyOf(seen));
    }

    @Test
    void tqqqFirstAndLastRowsHoldTheFileValues() {
        BarSeries s = reader.readSeries(dir.resolve("TQQQ.csv"), "TQQQ");
        assertEquals(new Bar(LocalDate.of(2010, 2, 11), 0.2034379989, 0.2174479961, 0.2027859986, 0.2162760049,
                6_912_000L, 0.2060553133), s.bar(0));
        assertEquals(new Bar(LocalDate.of(2026, 5, 1), 63.88999939, 65.83999634, 63.81000137, 65.30000305,
                67_506_700L, 65.30000305), s.bar(s.size() - 1));
    }

    @Test
    void sqqqEarlyRowsHaveZeroVolumeAndHugeSplitAdjustedPrices() {
        BarSeries s = reader.readSeries(dir.resolve("SQQQ.csv"), "SQQQ");
        assertEquals(12_316_800.0, s.close(0));
        assertEquals(0L, s.volume(0));
        assertEquals(9_539_203.0, s.adjClose(0));
    }

    @Test
    void vixKeepsCboeRowsWhoseOpenLiesOutsideTheDaysRange() {
        BarSeries s = reader.readSeries(dir.resolve("VIX.csv"), "VIX");
        int i = s.indexOf(LocalDate.of(1992, 2, 11));
        assertEquals(new Bar(LocalDate.of(1992, 2, 11), 19.24, 18.57, 17.61, 17.7, 0L, 17.7), s.bar(i));
        assertEquals(-1, s.indexOf(LocalDate.of(1991, 3, 1)), "CBOE has no row for 1991-03-01");
        assertEquals(LocalDate.of(1990, 1, 2), s.firstDate());
    }

    @Test
    void qqqSpansItsDocumentedRange() {
        BarSeries s = reader.readSeries(dir.resolve("QQQ.csv"), "QQQ");
        assertEquals(LocalDate.of(1999, 3, 10), s.firstDate());
        assertEquals(LocalDate.of(2025, 9, 26), s.lastDate());
        assertEquals(595.9699707, s.close(s.size() - 1));
    }
}
