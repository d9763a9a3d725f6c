package org.leverdesk.riskguard;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the RiskGuard remembers of one strategy between decisions, kept in the store (it survives a restart)
 * or in memory (a backtest). Measured on the strategy's own equity (its capital share).
 *
 * @param lastDay         the day of the last decision (null: none yet)
 * @param lastEquity      the equity at the last decision
 * @param previousEquity  the equity at the last decision of an earlier day (the daily stop's base)
 * @param peakEquity      the highest equity seen (the drawdown throttle's base)
 * @param weekStartEquity the equity at the last decision of the previous ISO week (the weekly stop's base)
 * @param lastStop        the day of the last stop exit (the cooldown's start), null when none
 * @param tradesToday     trades sent on {@code lastDay}
 * @param openedToday     symbols opened on {@code lastDay} (a close of one the same day is a day trade)
 * @param dayTrades       the days of recent day trades, one entry per day trade, oldest first
 */
public record GuardState(LocalDate lastDay, double lastEquity, double previousEquity, double peakEquity,
                         double weekStartEquity, LocalDate lastStop, int tradesToday, List<String> openedToday,
                         List<LocalDate> dayTrades) {
    /** Nothing seen yet. */
    public static final GuardState EMPTY = new GuardState(null, 0, 0, 0, 0, null, 0, List.of(), List.of());

    public GuardState {
        openedToday = List.copyOf(openedToday);
        dayTrades = List.copyOf(dayTrades);
    }

    /**
     * The state at a decision on {@code day} with the equity at {@code equity}: on a later day the previous
     * decision's equity becomes the daily base (and the weekly one when the week changed), today's counts
     * start at zero; another decision the same day (a restart, an intraday check) keeps the bases.
     */
    public GuardState advance(LocalDate day, double equity) {
        if (lastDay == null) {
            return new GuardState(day, equity, equity, equity, equity, lastStop, 0, List.of(), dayTrades);
        }
        if (day.isAfter(lastDay)) {
            double weekBase = week(day) != week(lastDay) ? lastEquity : weekStartEquity;
            return new GuardState(day, equity, lastEquity, Math.max(peakEquity, equity), weekBase, lastStop, 0, List.of(),
                    recentDayTrades(day));
        }
        return new GuardState(lastDay, equity, previousEquity, Math.max(peakEquity, equity), weekStartEquity, lastStop,
                tradesToday, openedToday, dayTrades);
    }

    /** After {@code trades} more trades today, of which one was a stop exit when {@code stop}. */
    public GuardState traded(int trades, boolean stop, List<String> opened, int newDayTrades) {
        List<String> o = new ArrayList<>(openedToday);
        opened.stream().filter(s -> !o.contains(s)).forEach(o::add);
        List<LocalDate> d = new ArrayList<>(dayTrades);
        for (int i = 0; i < newDayTrades; i++) {
            d.add(lastDay);
        }
        return new GuardState(lastDay, lastEquity, previousEquity, peakEquity, weekStartEquity, stop ? lastDay : lastStop,
                tradesToday + trades, o, d);
    }

    /** The equity lost since the previous day's decision, in dollars (negative: gained). */
    public double dayLoss() {
        return previousEquity - lastEquity;
    }

    /** The fraction lost since the week's start (negative: gained). */
    public double weekLoss() {
        return weekStartEquity > 0 ? (weekStartEquity - lastEquity) / weekStartEquity : 0;
    }

    /** The fraction below the peak. */
    public double drawdown() {
        return peakEquity > 0 ? 1 - lastEquity / peakEquity : 0;
    }

    /** Day trades counted per day, for the journal and the status. */
    public Map<LocalDate, Integer> dayTradesByDay() {
        Map<LocalDate, Integer> m = new TreeMap<>();
        dayTrades.forEach(d -> m.merge(d, 1, Integer::sum));
        return m;
    }

    // Day trades older than two weeks can no longer fall inside any 5-session window.
    private List<LocalDate> recentDayTrades(LocalDate day) {
        return dayTrades.stream().filter(d -> !d.isBefore(day.minusDays(14))).toList();
    }

    private static int week(LocalDate d) {
        return d.get(IsoFields.WEEK_BASED_YEAR) * 100 + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
