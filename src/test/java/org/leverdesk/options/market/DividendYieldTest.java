package org.leverdesk.options.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;

class DividendYieldTest {
    /** Two years of weekday bars at a close of 100; adj_close / close rises ×1.005 at four quarterly ex-dates a year. */
    private static BarSeries quarterlyPayer() {
        List<Bar> bars = new ArrayList<>();
        double ratio = 0.9;
        LocalDate d = LocalDate.of(2023, 1, 2);
        java.time.YearMonth paid = null;
        while (!d.isAfter(LocalDate.of(2024, 12, 31))) {
            if (d.getDayOfWeek().getValue() <= 5) {
                // Ex-dividend on the first weekday from the 15th of March, June, September and December.
                if (d.getDayOfMonth() >= 15 && d.getMonthValue() % 3 == 0 && !java.time.YearMonth.from(d).equals(paid)) {
                    ratio *= 1.005;
                    paid = java.time.YearMonth.from(d);
                }
                bars.add(new Bar(d, 100, 100, 100, 100, 1000, 100 * ratio));
            }
            d = d.plusDays(1);
        }
        return BarSeries.of("QQQ", bars);
    }

    @Test
    void trailingYieldIsTheLastYearsDividends() {
        DividendYield q = DividendYield.trailing(quarterlyPayer(), 0.006);
        // Four dividends of 0.5% in the year before 2024-06-28: q = 4 ln(1.005) = 1.995%.
        assertEquals(4 * Math.log(1.005), q.on(LocalDate.of(2024, 6, 28)), 1e-12);
        // A weekend date uses Friday's estimate.
        assertEquals(4 * Math.log(1.005), q.on(LocalDate.of(2024, 6, 29)), 1e-12);
    }

    @Test
    void fallbackBeforeAYearOfHistory() {
        DividendYield q = DividendYield.trailing(quarterlyPayer(), 0.006);
        assertEquals(0.006, q.on(LocalDate.of(2023, 6, 1)), 0);
        assertEquals(0.006, q.on(LocalDate.of(2022, 6, 1)), 0);
    }

    @Test
    void constantYield() {
        assertEquals(0.0181, DividendYield.constant(DividendYield.SPY_DEFAULT).on(LocalDate.of(2030, 1, 1)), 0);
    }
}
