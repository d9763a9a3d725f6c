package org.leverdesk.testing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar.Session;
import org.leverdesk.market.calendar.TradingCalendar;

/**
 * The exchange hours of a test broker whose market is opened and closed by hand (the scripted broker's
 * {@code marketOpen}, the wall-clock fake Alpaca that is open until told otherwise): every day is one
 * session from midnight to midnight while {@code open} says so, none otherwise. Only for the broker-clock
 * check's open/closed comparison; the trading days come from {@code days}.
 */
public final class HoursByHand implements TradingCalendar {
    private final TradingCalendar days;
    private final BooleanSupplier open;

    public HoursByHand(TradingCalendar days, BooleanSupplier open) {
        this.days = days;
        this.open = open;
    }

    @Override
    public boolean isTradingDay(LocalDate date) {
        return days.isTradingDay(date);
    }

    @Override
    public Optional<Session> session(LocalDate date) {
        return open.getAsBoolean() ? Optional.of(new Session(date, date.atStartOfDay(NyseCalendar.ZONE),
                date.plusDays(1).atStartOfDay(NyseCalendar.ZONE), false)) : Optional.empty();
    }

    @Override
    public LocalDate nextTradingDay(LocalDate date) {
        return days.nextTradingDay(date);
    }

    @Override
    public LocalDate previousTradingDay(LocalDate date) {
        return days.previousTradingDay(date);
    }

    @Override
    public LocalDate lastTradingDayOfMonth(YearMonth month) {
        return days.lastTradingDayOfMonth(month);
    }

    @Override
    public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        return days.tradingDays(from, to);
    }
}
