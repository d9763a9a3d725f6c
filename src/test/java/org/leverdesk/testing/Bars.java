package org.leverdesk.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.calendar.TradingCalendar;

/** Builds hand-made bar series for tests. */
public final class Bars {
    private Bars() {
    }

    /** One bar per trading day from {@code start} with the given closes; open = high = low = close. */
    public static BarSeries flat(String symbol, TradingCalendar cal, LocalDate start, double... closes) {
        List<Bar> bars = new ArrayList<>();
        LocalDate d = cal.isTradingDay(start) ? start : cal.nextTradingDay(start);
        for (double c : closes) {
            bars.add(new Bar(d, c, c, c, c, 1000, c));
            d = cal.nextTradingDay(d);
        }
        return BarSeries.of(symbol, bars);
    }

    /** Bars from explicit rows {date, open, high, low, close}. */
    public static BarSeries ohlc(String symbol, Object[]... rows) {
        List<Bar> bars = new ArrayList<>();
        for (Object[] r : rows) {
            bars.add(new Bar(LocalDate.parse((String) r[0]), ((Number) r[1]).doubleValue(), ((Number) r[2]).doubleValue(),
                    ((Number) r[3]).doubleValue(), ((Number) r[4]).doubleValue(), r.length > 5 ? ((Number) r[5]).longValue() : 1000,
                    ((Number) r[4]).doubleValue()));
        }
        return BarSeries.of(symbol, bars);
    }
}
