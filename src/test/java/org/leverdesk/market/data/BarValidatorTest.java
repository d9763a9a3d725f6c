package org.leverdesk.market.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.Bar;
import org.leverdesk.testing.WeekdayCalendar;
import org.leverdesk.market.data.CsvValidationException.Problem;

class BarValidatorTest {
    private final BarValidator validator = new BarValidator(WeekdayCalendar.withHolidays("2024-01-01"));

    private static Bar bar(String date, double open, double high, double low, double close, long volume) {
        return new Bar(LocalDate.parse(date), open, high, low, close, volume, close);
    }

    @Test
    void aCleanListHasNoProblems() {
        assertEquals(List.of(), validator.validate("mem", List.of(bar("2024-01-02", 10, 11, 9, 10, 1),
                bar("2024-01-03", 12, 11.5, 9, 8, 0))));
    }

    @Test
    void problemsOfAListAreNumberedByPosition() {
        List<Problem> p = validator.validate("mem", List.of(
                bar("2024-01-01", 10, 11, 9, 10, 1),
                bar("2024-01-03", 10, 9, 11, 10, 1),
                bar("2024-01-03", 10, 11, 9, Double.NaN, -1),
                bar("2024-01-02", 10, 11, 9, 10, 1)));
        assertEquals(List.of(
                new Problem("mem", 1, "2024-01-01 is not a trading day (an exchange holiday)"),
                new Problem("mem", 2, "high 9 is below low 11"),
                new Problem("mem", 3, "duplicate date 2024-01-03 (first on line 2)"),
                new Problem("mem", 3, "close is not a finite number (NaN)"),
                new Problem("mem", 3, "adj_close is not a finite number (NaN)"),
                new Problem("mem", 3, "volume -1 is negative"),
                new Problem("mem", 4, "date 2024-01-02 comes after 2024-01-03; rows must be in ascending date order")), p);
    }
}
