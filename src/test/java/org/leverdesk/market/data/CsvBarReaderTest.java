package org.leverdesk.market.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.testing.WeekdayCalendar;
import org.leverdesk.market.data.CsvValidationException.Problem;

class CsvBarReaderTest {
    private static final String HEADER = "date,open,high,low,close,volume,adj_close\n";
    private static final String YAHOO = "Date,Open,High,Low,Close,Adj Close,Volume\n";

    /** 2024-01-01 (New Year) and 2024-01-15 (MLK day) are holidays; 2024-01-06/07 are a weekend. */
    private final CsvBarReader reader = new CsvBarReader(WeekdayCalendar.withHolidays("2024-01-01", "2024-01-15"));

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private List<Problem> problems(String text) throws IOException {
        Path p = write("T.csv", text);
        return assertThrows(CsvValidationException.class, () -> reader.read(p)).problems();
    }

    private static void assertOneProblem(List<Problem> problems, int line, String reasonPart) {
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        assertEquals(line, problems.get(0).line(), problems::toString);
        assertTrue(problems.get(0).reason().contains(reasonPart), () -> problems.get(0).reason() + " lacks " + reasonPart);
    }

    @Test
    void readsLeverdeskFormatWithAllColumns() throws IOException {
        Path p = write("QQQ.csv", HEADER
                + "2024-01-02,402.01,402.21,396.67,400.07,53100000,397.5\n"
                + "2024-01-03,397.8,399.48,395.96,396.48,51300000,393.9512\n");
        List<Bar> bars = reader.read(p);
        assertEquals(List.of(
                new Bar(LocalDate.of(2024, 1, 2), 402.01, 402.21, 396.67, 400.07, 53_100_000L, 397.5),
                new Bar(LocalDate.of(2024, 1, 3), 397.8, 399.48, 395.96, 396.48, 51_300_000L, 393.9512)), bars);
    }

    @Test
    void readsYahooExportWhereAdjCloseComesBeforeDecimalVolume() throws IOException {
        Path p = write("QQQ.csv", YAHOO + "2024-01-02,402.01,402.21,396.67,400.07,397.5,53100000.0\n");
        assertEquals(List.of(new Bar(LocalDate.of(2024, 1, 2), 402.01, 402.21, 396.67, 400.07, 53_100_000L, 397.5)),
                reader.read(p));
    }

    @Test
    void headerIgnoresCaseBomAndSpacesAndLinesMayEndWithCrLf() throws IOException {
        Path p = write("QQQ.csv", "\uFEFF DATE , Open,HIGH ,low,Close, ADJ CLOSE ,volume \r\n"
                + "2024-01-02, 10, 11, 9, 10.5, 10.25, 1000\r\n"
                + "2024-01-03,10.5,12,10,11.5,11.25,2000\r\n\r\n");
        List<Bar> bars = reader.read(p);
        assertEquals(2, bars.size());
        assertEquals(new Bar(LocalDate.of(2024, 1, 3), 10.5, 12, 10, 11.5, 2000, 11.25), bars.get(1));
    }

    @Test
    void emptyAdjCloseMeansTheClose() throws IOException {
        Path p = write("X.csv", HEADER + "2024-01-02,10,11,9,10.5,100,\n");
        assertEquals(10.5, reader.read(p).get(0).adjClose());
    }

    @Test
    void readSeriesNamesTheSeriesAfterTheSymbol() throws IOException {
        Path p = write("X.csv", HEADER + "2024-01-02,10,11,9,10.5,100,10.5\n2024-01-03,10,11,9,10.5,100,10.5\n");
        BarSeries s = reader.readSeries(p, "XYZ");
        assertEquals("XYZ", s.symbol());
        assertEquals(LocalDate.of(2024, 1, 3), s.lastDate());
    }

    @Test
    void openOrCloseOutsideTheDaysRangeIsAcceptedAsCboeWritesItForVix() throws IOException {
        // The shared VIX.csv line for 1992-02-11: open 19.24 above high 18.57.
        Path p = write("VIX.csv", HEADER + "2024-01-02,19.24,18.57,17.61,17.7,0,17.7\n");
        assertEquals(19.24, reader.read(p).get(0).open());
    }

    @Test
    void missingTradingDaysAreNotAnError() throws IOException {
        Path p = write("X.csv", HEADER + "2024-01-02,10,11,9,10,1,10\n2024-01-10,10,11,9,10,1,10\n");
        assertEquals(2, reader.read(p).size());
    }

    @Test
    void wrongColumnCountIsReported() throws IOException {
        assertOneProblem(problems(HEADER + "2024-01-02,10,11,9,10.5,100\n"), 2, "expected 7 comma-separated fields, found 6");
        assertOneProblem(problems(HEADER + "2024-01-02,10,11,9,10.5,100,10,\n"), 2, "found 8");
    }

    @Test
    void unparseableNumbersAreReportedPerField() throws IOException {
        List<Problem> p = problems(HEADER + "2024-01-02,ten,11,9,1.5d,100,0x10\n");
        assertEquals(List.of(
                new Problem("T.csv", 2, "open 'ten' is not a number"),
                new Problem("T.csv", 2, "close '1.5d' is not a number"),
                new Problem("T.csv", 2, "adj_close '0x10' is not a number")), p);
        assertOneProblem(problems(HEADER + "2024-01-02,10,11,9,10,many,10\n"), 2, "volume 'many' is not a number");
        assertOneProblem(problems(HEADER + "2024-01-02,,11,9,10,5,10\n"), 2, "open '' is not a number");
    }

    @Test
    void unparseableOrImpossibleDatesAreReported() throws IOException {
        assertOneProblem(problems(HEADER + "2024/01/02,10,11,9,10,1,10\n"), 2, "date '2024/01/02' is not a valid YYYY-MM-DD date");
        assertOneProblem(problems(HEADER + "2024-02-30,10,11,9,10,1,10\n"), 2, "date '2024-02-30'");
        assertOneProblem(problems(HEADER + "01/02/2024,10,11,9,10,1,10\n"), 2, "is not a valid YYYY-MM-DD date");
    }

    @Test
    void nonPositivePricesAreReported() throws IOException {
        assertOneProblem(problems(HEADER + "2024-01-02,10,11,9,0,1,10\n"), 2, "close 0 is not positive");
        assertOneProblem(problems(HEADER + "2024-01-02,10,11,9,10,1,-2.5\n"), 2, "adj_close -2.5 is not positive");
    }

    @Test
    void nonFinitePricesAreReported() throws IOException {
        assertOneProblem(problems(HEADER + "2024-01-02,NaN,11,9,10,1,10\n"), 2, "open is not a finite number (NaN)");
        assertOneProblem(problems(HEADER + "2024-01-02,10,Infinity,9,10,1,10\n"), 2, "high is not a finite number (Infinity)");
        assertOneProblem(problems(HEADER + "2024-01-02,10,11,-inf,10,1,10\n"), 2, "low is not a finite number (-Infinity)");
    }

    @Test
    void highBelowLowIsReported() throws IOException {
        assertOneProblem(problems(HEADER + "2024-01-02,10,9,11,10,1,10\n"), 2, "high 9 is below low 11");
    }

    @Test
    void negativeVolumeIsReported() throws IOException {
        assertOneProblem(problems(HEADER + "2024-01-02,10,11,9,10,-5,10\n"), 2, "volume -5 is negative");
    }

    @Test
    void duplicateDatesAreReportedWithTheFirstLine() throws IOException {
        assertOneProblem(problems(HEADER + "2024-01-02,10,11,9,10,1,10\n2024-01-03,10,11,9,10,1,10\n"
                + "2024-01-02,10,11,9,10,1,10\n"), 4, "duplicate date 2024-01-02 (first on line 2)");
    }

    @Test
    void datesOutOfOrderAreReported() throws IOException {
        assertOneProblem(problems(HEADER + "2024-01-03,10,11,9,10,1,10\n2024-01-02,10,11,9,10,1,10\n"), 3,
                "date 2024-01-02 comes after 2024-01-03; rows must be in ascending date order");
    }

    @Test
    void weekendsAndHolidaysAreNotTradingDays() throws IOException {
        assertOneProblem(problems(HEADER + "2024-01-06,10,11,9,10,1,10\n"), 2, "2024-01-06 is not a trading day (a Saturday)");
        assertOneProblem(problems(HEADER + "2024-01-15,10,11,9,10,1,10\n"), 2, "2024-01-15 is not a trading day (an exchange holiday)");
    }

    @Test
    void yahooNullRowIsAnError() throws IOException {
        assertOneProblem(problems(YAHOO + "2024-01-02,null,null,null,null,null,null\n"), 2, "'null' instead of prices");
    }

    @Test
    void emptyFilesAndBareHeadersAreRejected() throws IOException {
        assertOneProblem(problems(""), 0, "the file is empty");
        assertOneProblem(problems("\uFEFF\r\n  \n"), 0, "the file is empty");
        assertOneProblem(problems(HEADER), 0, "has a header but no data rows");
    }

    @Test
    void unknownHeaderIsRejectedNamingBothExpectedHeaders() throws IOException {
        List<Problem> p = problems("Date,Close\n2024-01-02,10\n");
        assertOneProblem(p, 1, "unknown header 'Date,Close'");
        assertTrue(p.get(0).reason().contains("'date,open,high,low,close,volume,adj_close' (Leverdesk)"));
        assertTrue(p.get(0).reason().contains("'Date,Open,High,Low,Close,Adj Close,Volume' (Yahoo Finance export)"));
    }

    @Test
    void everyProblemOfEveryLineIsCollectedWithItsPhysicalLineNumber() throws IOException {
        Path p = write("BAD.csv", HEADER
                + "2024-01-02,10,11,9,10,1,10\n"      // 2 fine
                + "\n"                                 // 3 blank, skipped but counted
                + "2024-01-06,10,9,11,10,1,10\n"      // 4 Saturday and high < low
                + "2024-01-08,10,11,9\n"               // 5 too few fields
                + "2024-01-05,10,11,9,10,1,10\n"      // 6 earlier than line 4's date
                + "2024-01-09,10,11,9,0,1,10\n");     // 7 close 0
        CsvValidationException e = assertThrows(CsvValidationException.class, () -> reader.read(p));
        assertEquals(List.of(
                new Problem("BAD.csv", 4, "2024-01-06 is not a trading day (a Saturday)"),
                new Problem("BAD.csv", 4, "high 9 is below low 11"),
                new Problem("BAD.csv", 5, "expected 7 comma-separated fields, found 4"),
                new Problem("BAD.csv", 6, "date 2024-01-05 comes after 2024-01-06; rows must be in ascending date order"),
                new Problem("BAD.csv", 7, "close 0 is not positive")), e.problems());
        assertTrue(e.getMessage().startsWith("BAD.csv:4: 2024-01-06 is not a trading day (a Saturday) (and 4 more problems)"),
                e.getMessage());
    }

    @Test
    void problemsAreCappedAtOneHundredPlusASummary() throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 250; i++) {
            text.append("garbage line ").append(i).append('\n');
        }
        List<Problem> p = problems(text.toString());
        assertEquals(101, p.size());
        assertEquals(new Problem("T.csv", 101, "expected 7 comma-separated fields, found 1"), p.get(99));
        assertEquals(new Problem("T.csv", 0, "... and 150 more problems (250 in total)"), p.get(100));
    }

    @Test
    void nonUtf8BytesAreReportedNotThrownAsIoErrors() throws IOException {
        Path p = dir.resolve("L1.csv");
        byte[] header = HEADER.getBytes(StandardCharsets.US_ASCII);
        byte[] row = "2024-01-02,10,11,9,10,1,10\u00E9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[header.length + row.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(row, 0, all, header.length, row.length);
        Files.write(p, all);
        List<Problem> problems = assertThrows(CsvValidationException.class, () -> reader.read(p)).problems();
        assertTrue(problems.get(problems.size() - 1).reason().contains("not UTF-8"), problems::toString);
    }

    @Test
    void missingFileSaysSo() {
        MarketDataException e = assertThrows(MarketDataException.class, () -> reader.read(dir.resolve("NOPE.csv")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
