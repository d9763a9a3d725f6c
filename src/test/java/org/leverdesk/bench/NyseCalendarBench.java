package org.leverdesk.bench;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.leverdesk.market.calendar.NyseCalendar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of the calendar queries a backtest makes per bar. With {@code -prof gc}, gc.alloc.rate.norm should be
 * about 0 B/op: the answers come from precomputed tables.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NyseCalendarBench {
    private final NyseCalendar calendar = new NyseCalendar();
    private final LocalDate[] dates = {LocalDate.of(2001, 9, 10), LocalDate.of(2024, 3, 28),
            LocalDate.of(2024, 11, 30), LocalDate.of(1995, 7, 3)};
    private int i;

    @Benchmark
    public boolean isTradingDay() {
        return calendar.isTradingDay(dates[i++ & 3]);
    }

    @Benchmark
    public LocalDate nextTradingDay() {
        return calendar.nextTradingDay(dates[i++ & 3]);
    }

    @Benchmark
    public LocalDate previousTradingDay() {
        return calendar.previousTradingDay(dates[i++ & 3]);
    }
}
