package org.leverdesk.options.contract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.leverdesk.market.calendar.TradingCalendar;

/**
 * The expiries listed on a day, on an exchange calendar: weeklies every Friday, the standard monthly on
 * the third Friday; an expiry on a holiday moves to the previous session (Good Friday 2025-04-18 makes
 * the April 2025 monthly expire on Thursday 2025-04-17). Dates are the last trading day, which is also
 * what the OCC symbol carries since 2015 (monthlies before February 2015 carried the Saturday after;
 * this model uses the trading day throughout).
 */
public final class ListedExpiries {
    private final TradingCalendar calendar;
    private final ExpiryRules rules;

    public ListedExpiries(TradingCalendar calendar, ExpiryRules rules) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public ExpiryRules rules() {
        return rules;
    }

    /** The standard monthly expiry of {@code month}: its third Friday, or the session before when that is a holiday. */
    public LocalDate monthlyExpiry(YearMonth month) {
        return onOrBeforeSession(month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY)));
    }

    /** The weekly expiry of the week containing {@code date}: that week's Friday, or the session before it. */
    public LocalDate weeklyExpiry(LocalDate date) {
        return onOrBeforeSession(date.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)));
    }

    /** True when {@code date} is the standard monthly expiry of its month. */
    public boolean isMonthlyExpiry(LocalDate date) {
        // A Friday-holiday monthly moves to Thursday, possibly into the same month only (the 3rd Friday is day 15..21).
        return monthlyExpiry(YearMonth.from(date)).equals(date);
    }

    /** Every expiry listed on {@code asOf} with a date on or after it (0 DTE included), ascending. */
    public List<Expiry> listed(LocalDate asOf) {
        return listed(asOf, LocalDate.MAX);
    }

    /** The listed expiries whose days to expiry (calendar days from {@code asOf}) lie in [minDte, maxDte]. */
    public List<Expiry> withinDte(LocalDate asOf, int minDte, int maxDte) {
        if (minDte < 0 || maxDte < minDte) {
            throw new IllegalArgumentException("a DTE window needs 0 <= min <= max (got " + minDte + ".." + maxDte + ")");
        }
        List<Expiry> out = listed(asOf, asOf.plusDays(maxDte));
        int first = 0;
        while (first < out.size() && out.get(first).daysFrom(asOf) < minDte) {
            first++;
        }
        return first == 0 ? out : new ArrayList<>(out.subList(first, out.size()));
    }

    /** The expiries listed on {@code asOf} from it up to {@code until} inclusive (the listing rules still apply). */
    private List<Expiry> listed(LocalDate asOf, LocalDate until) {
        List<LocalDate> monthlies = new ArrayList<>();
        YearMonth month = YearMonth.from(asOf);
        for (int listedCount = 0; listedCount < rules.monthlies(); month = month.plusMonths(1)) {
            LocalDate m = monthlyExpiry(month);
            if (m.isAfter(until)) {
                break;
            }
            if (!m.isBefore(asOf)) {
                monthlies.add(m);
                listedCount++;
            }
        }
        List<LocalDate> weeklies = new ArrayList<>();
        if (rules.weeklies()) {
            LocalDate friday = asOf.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
            for (int w = 0; w < rules.weeklyWeeks(); w++, friday = friday.plusWeeks(1)) {
                LocalDate e = onOrBeforeSession(friday);
                if (e.isAfter(until)) {
                    break;
                }
                if (!e.isBefore(asOf)) {
                    weeklies.add(e);
                }
            }
        }
        List<Expiry> out = new ArrayList<>(monthlies.size() + weeklies.size());
        int i = 0;
        int j = 0;
        while (i < monthlies.size() || j < weeklies.size()) {
            LocalDate m = i < monthlies.size() ? monthlies.get(i) : null;
            LocalDate w = j < weeklies.size() ? weeklies.get(j) : null;
            if (w == null || (m != null && !m.isAfter(w))) {
                out.add(new Expiry(m, true));
                i++;
                if (m.equals(w)) {
                    j++;
                }
            } else {
                out.add(new Expiry(w, false));
                j++;
            }
        }
        return out;
    }

    private LocalDate onOrBeforeSession(LocalDate date) {
        return calendar.isTradingDay(date) ? date : calendar.previousTradingDay(date);
    }
}
