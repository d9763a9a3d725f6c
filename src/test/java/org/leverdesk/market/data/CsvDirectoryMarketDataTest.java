package org.leverdesk.market.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.testing.WeekdayCalendar;

class CsvDirectoryMarketDataTest {
    private static final String HEADER = "date,open,high,low,close,volume,adj_close\n";
    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);
    private static final LocalDate DEC_31 = LocalDate.of(2024, 12, 31);

    @TempDir
    Path dir;
    private MarketData data;

    @BeforeEach
    void threeFiles() throws IOException {
        Files.writeString(dir.resolve("QQQ.csv"), HEADER
                + "2024-01-02,10,11,9,10,100,10\n2024-01-03,10,12,9,11,100,11\n2024-01-04,11,13,10,12,100,12\n");
        Files.writeString(dir.resolve("tqqq.csv"), HEADER + "2024-01-02,50,51,49,50,7,50\n");
        Files.writeString(dir.resolve("notes.txt"), "not prices");
        data = new CsvDirectoryMarketData(dir, new CsvBarReader(new WeekdayCalendar(List.of())));
    }

    @Test
    void labelNamesTheFolderAndPricesAreReal() {
        assertEquals("CSV " + dir, data.sourceLabel());
        assertFalse(data.isSimulated());
    }

    @Test
    void symbolsAreTheUpperCaseNamesOfTheCsvFiles() {
        assertEquals(Set.of("QQQ", "TQQQ"), data.symbols());
    }

    @Test
    void symbolLookupIgnoresCaseOfRequestAndFileName() {
        assertEquals(50.0, data.bars("TQQQ", JAN_1, DEC_31).close(0));
        BarSeries q = data.bars("qqq", JAN_1, DEC_31);
        assertEquals("QQQ", q.symbol());
        assertEquals(3, q.size());
    }

    @Test
    void barsAreCutToTheRequestedRangeInclusive() {
        BarSeries s = data.bars("QQQ", LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 3));
        assertEquals(1, s.size());
        assertEquals(11.0, s.close(0));
    }

    @Test
    void unknownSymbolNamesTheExpectedFileAndWhatIsAvailable() {
        MarketDataException e = assertThrows(MarketDataException.class, () -> data.bars("XYZ", JAN_1, DEC_31));
        assertEquals("no price file for XYZ in " + dir + " (expected XYZ.csv); available: QQQ, TQQQ", e.getMessage());
    }

    @Test
    void aRangeWithoutBarsNamesTheAvailableRange() {
        MarketDataException e = assertThrows(MarketDataException.class,
                () -> data.bars("QQQ", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1)));
        assertEquals("no QQQ bars from 2025-01-01 to 2025-02-01; QQQ has bars from 2024-01-02 to 2024-01-04",
                e.getMessage());
    }

    @Test
    void parsedSeriesAreCachedSoLaterFileChangesAreNotSeen() throws IOException {
        data.bars("QQQ", JAN_1, DEC_31);
        Files.writeString(dir.resolve("QQQ.csv"), HEADER + "2024-01-02,1,1,1,1,1,1\n");
        assertEquals(3, data.bars("QQQ", JAN_1, DEC_31).size());
    }

    @Test
    void anInvalidFileIsReportedAndNotCachedSoAFixedFileIsReadNextTime() throws IOException {
        Files.writeString(dir.resolve("SQQQ.csv"), HEADER + "2024-01-06,1,1,1,1,1,1\n");
        assertThrows(CsvValidationException.class, () -> data.bars("SQQQ", JAN_1, DEC_31));
        Files.writeString(dir.resolve("SQQQ.csv"), HEADER + "2024-01-05,1,1,1,1,1,1\n");
        assertEquals(1, data.bars("SQQQ", JAN_1, DEC_31).size());
    }

    @Test
    void aMissingFolderIsRejectedAtOnce() {
        Path missing = dir.resolve("nope");
        MarketDataException e = assertThrows(MarketDataException.class,
                () -> new CsvDirectoryMarketData(missing, new CsvBarReader(new WeekdayCalendar(List.of()))));
        assertEquals("price folder " + missing + " does not exist or is not a folder; pass a folder that holds"
                + " SYMBOL.csv files", e.getMessage());
    }

    @Test
    void servesTheSharedRealPrices() {
        Path shared = Path.of(System.getProperty("leverdesk.shared.prices", "../shared/data/prices"));
        Assumptions.assumeTrue(Files.isDirectory(shared), "real prices not found at " + shared + "; skipping");
        // Weekday-only calendar: holidays are checked by CsvBarReaderRealFilesTest.
        MarketData real = new CsvDirectoryMarketData(shared, new CsvBarReader(new WeekdayCalendar(List.of())));
        BarSeries tqqq = real.bars("tqqq", LocalDate.of(2020, 3, 13), LocalDate.of(2020, 3, 16));
        assertEquals(2, tqqq.size());
        // SOURCES.md: TQQQ's largest one-day fall, -34.5% on 2020-03-16.
        assertEquals(-0.345, tqqq.close(1) / tqqq.close(0) - 1, 0.0005);
        assertEquals(Set.of("AFRM", "CPER", "GLD", "JEF", "MSFT", "NVDA", "PLTR", "QQQ", "QQQM", "SOFI", "SPY", "SQQQ",
                "TQQQ", "TSLA", "VIX"), real.symbols());
    }
}
