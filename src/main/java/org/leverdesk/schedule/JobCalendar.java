package org.leverdesk.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.calendar.TradingCalendar.Session;

/** Turns job definitions into dated occurrences with the exchange calendar, always in America/New_York. */
public final class JobCalendar {
    /** How far ahead {@link #next} looks: a monthly job on a long holiday stretch is well within it. */
    private static final int MAX_DAYS_AHEAD = 70;

    private final TradingCalendar calendar;

    public JobCalendar(TradingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The occurrences of {@code job} on {@code date}, by time; none on a holiday or weekend. */
    public List<ScheduledJob> on(JobDefinition job, LocalDate date) {
        Session s = calendar.session(date).orElse(null);
        if (s == null) {
            return List.of();
        }
        List<ScheduledJob> out = new ArrayList<>();
        for (LocalTime t : job.trigger().timesOn(date, calendar)) {
            ZonedDateTime at = ZonedDateTime.of(date, t, NyseCalendar.ZONE);
            out.add(new ScheduledJob(job, date, at, windowEnd(s, at)));
        }
        return out;
    }

    /**
     * The occurrences planned after {@code fromExclusive} up to and including {@code toInclusive},
     * oldest first.
     */
    public List<ScheduledJob> between(JobDefinition job, Instant fromExclusive, Instant toInclusive) {
        List<ScheduledJob> out = new ArrayList<>();
        LocalDate first = fromExclusive.atZone(NyseCalendar.ZONE).toLocalDate();
        LocalDate last = toInclusive.atZone(NyseCalendar.ZONE).toLocalDate();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            for (ScheduledJob o : on(job, d)) {
                if (o.instant().isAfter(fromExclusive) && !o.instant().isAfter(toInclusive)) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    /** The first occurrence planned strictly after {@code after}, if one is within ten weeks. */
    public Optional<ScheduledJob> next(JobDefinition job, Instant after) {
        LocalDate d = after.atZone(NyseCalendar.ZONE).toLocalDate();
        for (int i = 0; i <= MAX_DAYS_AHEAD && !d.isAfter(NyseCalendar.LAST_DATE); i++, d = d.plusDays(1)) {
            for (ScheduledJob o : on(job, d)) {
                if (o.instant().isAfter(after)) {
                    return Optional.of(o);
                }
            }
        }
        return Optional.empty();
    }

    /** The session edge after {@code at}: the catch-up window of a job planned then ends there. */
    private Instant windowEnd(Session s, ZonedDateTime at) {
        if (at.isBefore(s.open())) {
            return s.open().toInstant();
        }
        if (at.isBefore(s.close())) {
            return s.close().toInstant();
        }
        LocalDate next = calendar.nextTradingDay(s.date());
        return calendar.session(next).orElseThrow().open().toInstant();
    }
}
