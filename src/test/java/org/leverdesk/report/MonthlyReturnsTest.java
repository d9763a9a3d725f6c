package org.leverdesk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.EquityPoint;

class MonthlyReturnsTest {
    private static EquityPoint p(String date, double equity) {
        return new EquityPoint(LocalDate.parse(date), equity, equity, 0);
    }

    @Test
    void monthReturnIsLastEquityOfTheMonthOverLastEquityOfThePreviousMonth() {
        List<MonthlyReturns.Year> years = MonthlyReturns.of(List.of(
                p("2023-12-28", 100), p("2023-12-29", 110),           // Dec: 110/100 - 1 (from the first day)
                p("2024-01-02", 121), p("2024-01-31", 99),            // Jan: 99/110 - 1 = -10%; the mid-month 121 does not count
                p("2024-03-01", 108.9)));                             // Feb has no day; Mar: 108.9/99 - 1 = +10%
        assertEquals(2, years.size());
        MonthlyReturns.Year y2023 = years.get(0);
        assertEquals(2023, y2023.year());
        assertEquals(0.10, y2023.month(12), 1e-12);
        for (int m = 1; m <= 11; m++) {
            assertTrue(Double.isNaN(y2023.month(m)), "month " + m + " of 2023 has no day");
        }
        assertEquals(0.10, y2023.total(), 1e-12);
        MonthlyReturns.Year y2024 = years.get(1);
        assertEquals(-0.10, y2024.month(1), 1e-12);
        assertTrue(Double.isNaN(y2024.month(2)));
        assertEquals(0.10, y2024.month(3), 1e-12);
        assertEquals(108.9 / 110 - 1, y2024.total(), 1e-12);   // -1%: year ends chain like months
    }

    @Test
    void monthsCompoundToTheYearTotal() {
        List<MonthlyReturns.Year> years = MonthlyReturns.of(List.of(
                p("2024-01-02", 1000), p("2024-01-31", 1100), p("2024-02-29", 990), p("2024-12-31", 1188)));
        MonthlyReturns.Year y = years.get(0);
        double compounded = (1 + y.month(1)) * (1 + y.month(2)) * (1 + y.month(12)) - 1;
        assertEquals(0.188, y.total(), 1e-12);
        assertEquals(y.total(), compounded, 1e-12);
    }

    @Test
    void anEmptyCurveHasNoRows() {
        assertTrue(MonthlyReturns.of(List.of()).isEmpty());
    }
}
