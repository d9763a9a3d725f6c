package org.leverdesk.market.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.leverdesk.domain.Bar;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.data.CsvValidationException.Problem;

/**
 * The rules every daily bar must pass before anything downstream sees it: positive finite prices,
 * high ≥ low, non-negative volume, and strictly ascending dates that are all trading days.
 *
 * <p>Deliberately not a rule: open or close outside [low, high]. CBOE's own VIX history has such
 * rows (1992–2006) and they are real data, not corruption. Missing trading days are not an error
 * either (VIX lacks a few); only extra, duplicate or unordered dates are.
 */
public final class BarValidator {
    private final TradingCalendar calendar;

    public BarValidator(TradingCalendar calendar) {
        this.calendar = calendar;
    }

    /** Every problem of {@code bars}, in order; a problem's line is the 1-based position in the list. */
    public List<Problem> validate(String source, List<Bar> bars) {
        List<Problem> problems = new ArrayList<>();
        DateSequence dates = new DateSequence();
        BiConsumer<Integer, String> sink = (line, reason) -> problems.add(new Problem(source, line, reason));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int line = i + 1;
            checkDate(b.date(), line, dates, sink);
            checkValues(b.open(), b.high(), b.low(), b.close(), b.adjClose(), b.volume(), line, sink);
        }
        return problems;
    }

    /** Reports a date that is not a trading day, a duplicate, or earlier than the previous one. */
    void checkDate(LocalDate date, int line, DateSequence seen, BiConsumer<Integer, String> sink) {
        String order = seen.add(date, line);
        if (order != null) {
            sink.accept(line, order);
        }
        String day = tradingDayProblem(date);
        if (day != null) {
            sink.accept(line, day);
        }
    }

    /** Reports non-positive or non-finite prices, high below low and negative volume. */
    void checkValues(double open, double high, double low, double close, double adjClose, long volume,
                     int line, BiConsumer<Integer, String> sink) {
        boolean pricesUsable = true;
        pricesUsable &= price("open", open, line, sink);
        pricesUsable &= price("high", high, line, sink);
        pricesUsable &= price("low", low, line, sink);
        pricesUsable &= price("close", close, line, sink);
        price("adj_close", adjClose, line, sink);
        if (pricesUsable && high < low) {
            sink.accept(line, "high " + num(high) + " is below low " + num(low));
        }
        if (volume < 0) {
            sink.accept(line, "volume " + volume + " is negative");
        }
    }

    private static boolean price(String field, double v, int line, BiConsumer<Integer, String> sink) {
        if (!Double.isFinite(v)) {
            sink.accept(line, field + " is not a finite number (" + v + ")");
            return false;
        }
        if (v <= 0) {
            sink.accept(line, field + " " + num(v) + " is not positive");
            return false;
        }
        return true;
    }

    private String tradingDayProblem(LocalDate date) {
        boolean trading;
        try {
            trading = calendar.isTradingDay(date);
        } catch (RuntimeException e) {
            // A calendar may only know a limited range of years; say so instead of failing the whole read.
            return "cannot check " + date + " against the trading calendar: " + e.getMessage();
        }
        if (trading) {
            return null;
        }
        DayOfWeek dow = date.getDayOfWeek();
        String why = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY
                ? "a " + dow.toString().charAt(0) + dow.toString().substring(1).toLowerCase()
                : "an exchange holiday";
        return date + " is not a trading day (" + why + ")";
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Remembers the dates seen so far to report duplicates (with the first line) and disorder. */
    static final class DateSequence {
        private final Map<LocalDate, Integer> firstLine = new HashMap<>();
        private LocalDate previous;

        /** Adds {@code date}; returns the ordering problem or null. */
        String add(LocalDate date, int line) {
            Integer first = firstLine.putIfAbsent(date, line);
            LocalDate before = previous;
            previous = date;
            if (first != null) {
                return "duplicate date " + date + " (first on line " + first + ")";
            }
            if (before != null && date.isBefore(before)) {
                return "date " + date + " comes after " + before + "; rows must be in ascending date order";
            }
            return null;
        }
    }
}
