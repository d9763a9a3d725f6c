package org.leverdesk.options.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.market.calendar.NyseCalendar;

class ListedExpiriesTest {
    private static final NyseCalendar NYSE = new NyseCalendar();
    private final ListedExpiries expiries = new ListedExpiries(NYSE, ExpiryRules.defaults());

    @Test
    void monthlyIsTheThirdFriday() {
        assertEquals(LocalDate.of(2025, 1, 17), expiries.monthlyExpiry(YearMonth.of(2025, 1)));
        assertEquals(LocalDate.of(2024, 3, 15), expiries.monthlyExpiry(YearMonth.of(2024, 3)));
        assertEquals(LocalDate.of(2008, 9, 19), expiries.monthlyExpiry(YearMonth.of(2008, 9)));
        assertTrue(expiries.isMonthlyExpiry(LocalDate.of(2025, 1, 17)));
        assertFalse(expiries.isMonthlyExpiry(LocalDate.of(2025, 1, 10)));
    }

    @Test
    void expiryOnAHolidayMovesToThePreviousSession() {
        // Good Friday 2025-04-18 was the third Friday of April 2025.
        assertEquals(LocalDate.of(2025, 4, 17), expiries.monthlyExpiry(YearMonth.of(2025, 4)));
        // Juneteenth 2026 falls on the third Friday of June.
        assertEquals(LocalDate.of(2026, 6, 18), expiries.monthlyExpiry(YearMonth.of(2026, 6)));
        // Good Friday 2024-03-29: that week's weekly expires Thursday.
        assertEquals(LocalDate.of(2024, 3, 28), expiries.weeklyExpiry(LocalDate.of(2024, 3, 25)));
        // The NYSE was closed 2001-09-11..14: the week's expiry is Monday 2001-09-10.
        assertEquals(LocalDate.of(2001, 9, 10), expiries.weeklyExpiry(LocalDate.of(2001, 9, 10)));
    }

    @Test
    void listsWeekliesAndMonthliesInOrderWithoutDuplicates() {
        List<Expiry> listed = expiries.listed(LocalDate.of(2025, 4, 14));
        assertEquals(new Expiry(LocalDate.of(2025, 4, 17), true), listed.get(0));
        assertEquals(new Expiry(LocalDate.of(2025, 4, 25), false), listed.get(1));
        assertEquals(new Expiry(LocalDate.of(2025, 5, 2), false), listed.get(2));
        assertEquals(new Expiry(LocalDate.of(2025, 5, 9), false), listed.get(3));
        assertEquals(new Expiry(LocalDate.of(2025, 5, 16), true), listed.get(4));
        // 8 Fridays (two of them monthlies) + 12 monthlies = 18 distinct expiries.
        assertEquals(18, listed.size());
        for (int i = 1; i < listed.size(); i++) {
            assertTrue(listed.get(i).date().isAfter(listed.get(i - 1).date()), "ascending at " + i);
        }
        assertEquals(LocalDate.of(2026, 3, 20), listed.get(listed.size() - 1).date());
    }

    @Test
    void includesTheExpiryOfTheDayItself() {
        assertEquals(LocalDate.of(2025, 1, 17), expiries.listed(LocalDate.of(2025, 1, 17)).get(0).date());
        assertEquals(LocalDate.of(2025, 1, 24), expiries.listed(LocalDate.of(2025, 1, 18)).get(0).date());
    }

    @Test
    void monthliesOnlyRules() {
        List<Expiry> listed = new ListedExpiries(NYSE, ExpiryRules.monthliesOnly()).listed(LocalDate.of(2007, 1, 3));
        assertEquals(12, listed.size());
        assertTrue(listed.stream().allMatch(Expiry::monthly));
        assertEquals(LocalDate.of(2007, 1, 19), listed.get(0).date());
        assertEquals(LocalDate.of(2007, 4, 20), listed.get(3).date());
    }

    @Test
    void dteWindowCountsCalendarDays() {
        // On 2025-01-02: 2025-01-10 is 8 days out, 2025-01-17 is 15, 2025-02-07 is 36.
        assertEquals(List.of(new Expiry(LocalDate.of(2025, 1, 10), false)), expiries.withinDte(LocalDate.of(2025, 1, 2), 7, 10));
        List<Expiry> month = expiries.withinDte(LocalDate.of(2025, 1, 2), 21, 35);
        assertEquals(List.of(LocalDate.of(2025, 1, 24), LocalDate.of(2025, 1, 31)),
                month.stream().map(Expiry::date).toList());
        assertEquals(22, month.get(0).daysFrom(LocalDate.of(2025, 1, 2)));
        assertThrows(IllegalArgumentException.class, () -> expiries.withinDte(LocalDate.of(2025, 1, 2), 10, 7));
    }
}
