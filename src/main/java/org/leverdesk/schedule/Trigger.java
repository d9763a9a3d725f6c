package org.leverdesk.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.calendar.TradingCalendar.Session;

/**
 * When a job runs, relative to the NYSE session of each trading day: a time anchored at the open or
 * close (minus or plus minutes), on every trading day, on one weekday a week, on the month's last
 * trading day, or every N minutes while the market is open. Times are New York local times.
 *
 * @param frequency       which days (and, for {@link Frequency#EVERY}, how often in the day)
 * @param weekday         the weekday of a {@link Frequency#WEEKLY} trigger, else null
 * @param anchor          the session edge the offset counts from (ignored by EVERY)
 * @param offsetMinutes   minutes after (positive) or before (negative) the anchor
 * @param intervalMinutes minutes between runs of an EVERY trigger, else 0
 */
public record Trigger(Frequency frequency, DayOfWeek weekday, Anchor anchor, int offsetMinutes, int intervalMinutes) {
    /** The largest offset from the open or close, so every time stays inside its calendar day. */
    public static final int MAX_OFFSET_MINUTES = 360;
    /** The time of {@link Anchor#EVENING}. */
    private static final LocalTime EVENING = LocalTime.of(19, 0);

    /** Which trading days a trigger fires on. */
    public enum Frequency {
        /** Every trading day. */
        DAILY,
        /**
         * Once a week on {@code weekday}; when that day is a holiday, on the next trading day (so
         * Thanksgiving's Thursday job runs on Friday, and Good Friday's on Monday).
         */
        WEEKLY,
        /** On the last trading day of each month. */
        MONTHLY_LAST,
        /** Every {@code intervalMinutes} from open + interval while strictly before the close. */
        EVERY
    }

    public Trigger {
        Objects.requireNonNull(frequency, "frequency");
        if (frequency == Frequency.WEEKLY) {
            Objects.requireNonNull(weekday, "weekday");
            if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
                throw new IllegalArgumentException("a weekly job runs on a weekday (MON..FRI), not " + weekday);
            }
        }
        if (frequency == Frequency.EVERY) {
            if (intervalMinutes < 1 || intervalMinutes > 390) {
                throw new IllegalArgumentException("the interval must be 1 to 390 minutes, not " + intervalMinutes);
            }
        } else {
            Objects.requireNonNull(anchor, "anchor");
            if (Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) {
                throw new IllegalArgumentException("the offset must be at most " + MAX_OFFSET_MINUTES
                        + " minutes from the open or close, not " + offsetMinutes);
            }
        }
    }

    /** Every trading day at {@code anchor} plus {@code offsetMinutes}. */
    public static Trigger daily(Anchor anchor, int offsetMinutes) {
        return new Trigger(Frequency.DAILY, null, anchor, offsetMinutes, 0);
    }

    /** Weekly on {@code day} (next trading day on a holiday) at {@code anchor} plus {@code offsetMinutes}. */
    public static Trigger weekly(DayOfWeek day, Anchor anchor, int offsetMinutes) {
        return new Trigger(Frequency.WEEKLY, day, anchor, offsetMinutes, 0);
    }

    /** On each month's last trading day at {@code anchor} plus {@code offsetMinutes}. */
    public static Trigger monthlyLast(Anchor anchor, int offsetMinutes) {
        return new Trigger(Frequency.MONTHLY_LAST, null, anchor, offsetMinutes, 0);
    }

    /** Every {@code minutes} during the session. */
    public static Trigger every(int minutes) {
        return new Trigger(Frequency.EVERY, null, null, 0, minutes);
    }

    /** The New York times this trigger fires on {@code date}, ascending; empty when it does not fire that day. */
    public List<LocalTime> timesOn(LocalDate date, TradingCalendar calendar) {
        Session s = calendar.session(date).orElse(null);
        if (s == null || !firesOn(date, calendar)) {
            return List.of();
        }
        LocalTime open = s.open().toLocalTime();
        LocalTime close = s.close().toLocalTime();
        if (frequency == Frequency.EVERY) {
            List<LocalTime> times = new ArrayList<>();
            for (LocalTime t = open.plusMinutes(intervalMinutes); t.isBefore(close); t = t.plusMinutes(intervalMinutes)) {
                times.add(t);
            }
            return times;
        }
        LocalTime base = switch (anchor) {
            case OPEN -> open;
            case CLOSE -> close;
            case EVENING -> EVENING;
        };
        return List.of(base.plusMinutes(offsetMinutes));
    }

    private boolean firesOn(LocalDate date, TradingCalendar calendar) {
        return switch (frequency) {
            case DAILY, EVERY -> true;
            case MONTHLY_LAST -> calendar.isLastTradingDayOfMonth(date);
            case WEEKLY -> {
                // The most recent `weekday` on or before date; the job belongs to the first trading day from it.
                LocalDate nominal = date.with(TemporalAdjusters.previousOrSame(weekday));
                yield calendar.isTradingDay(nominal) ? nominal.equals(date)
                        : calendar.nextTradingDay(nominal).equals(date);
            }
        };
    }

    /** The trigger in the schedule notation, e.g. {@code weekly:MON@open+30m}. */
    public String notation() {
        if (frequency == Frequency.EVERY) {
            return "every:" + intervalMinutes + "m";
        }
        String time = anchor.name().toLowerCase(Locale.ROOT)
                + (offsetMinutes == 0 ? "" : (offsetMinutes > 0 ? "+" : "-") + Math.abs(offsetMinutes) + "m");
        return switch (frequency) {
            case DAILY -> time;
            case WEEKLY -> "weekly:" + weekday.name().substring(0, 3) + "@" + time;
            case MONTHLY_LAST -> "monthly-last@" + time;
            case EVERY -> throw new AssertionError();
        };
    }
}
