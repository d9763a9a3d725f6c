package org.leverdesk.market.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The calendar agrees day for day with real daily bars: a bar on every trading day and on no other weekday. */
class NyseCalendarRealDataTest {
    private static final NyseCalendar NYSE = new NyseCalendar();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SPY.csv, 1993-01-29, 2025-09-26", "QQQ.csv, 1999-03-10, 2025-09-26"})
    void barDatesAreExactlyTheTradingDays(String file, String first, String last) throws IOException {
        Path dir = Path.of(System.getProperty("leverdesk.shared.prices", "leverdesk.shared.prices-not-set"));
        Assumptions.assumeTrue(Files.isDirectory(dir), "real prices not found at " + dir.toAbsolutePath()
                + "; skipping");

        List<LocalDate> bars = Files.readAllLines(dir.resolve(file)).stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> LocalDate.parse(line.substring(0, line.indexOf(','))))
                .toList();
        assertEquals(LocalDate.parse(first), bars.getFirst());
        assertEquals(LocalDate.parse(last), bars.getLast());

        Set<LocalDate> barSet = new HashSet<>(bars);
        List<String> problems = new ArrayList<>();
        for (LocalDate bar : bars) {
            if (!NYSE.isTradingDay(bar)) {
                problems.add(bar + " has a bar but the calendar says closed");
            }
        }
        for (LocalDate d = bars.getFirst(); !d.isAfter(bars.getLast()); d = d.plusDays(1)) {
            boolean weekday = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
            if (weekday && !barSet.contains(d) && NYSE.isTradingDay(d)) {
                problems.add(d + " has no bar but the calendar says open");
            }
        }
        assertTrue(problems.isEmpty(), file + ": " + problems);
        assertEquals(bars, NYSE.tradingDays(bars.getFirst(), bars.getLast()));
    }
}
