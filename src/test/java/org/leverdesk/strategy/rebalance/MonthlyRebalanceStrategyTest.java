package org.leverdesk.strategy.rebalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestEngine;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;
import org.leverdesk.testing.WeekdayCalendar;
import org.junit.jupiter.api.Test;

class MonthlyRebalanceStrategyTest {
    private static final WeekdayCalendar CAL = new WeekdayCalendar(LocalDate.parse("2024-02-19"));

    /** 100 until Jan 30, 125 on Jan 31, 80 through February, 90 in March. */
    private static BarSeries tqqq() {
        List<Bar> bars = new ArrayList<>();
        for (LocalDate d : CAL.tradingDays(LocalDate.parse("2024-01-29"), LocalDate.parse("2024-03-05"))) {
            double c = d.isBefore(LocalDate.parse("2024-01-31")) ? 100 : d.equals(LocalDate.parse("2024-01-31")) ? 125
                    : d.getMonthValue() == 2 ? 80 : 90;
            bars.add(new Bar(d, c, c, c, c, 1, c));
        }
        return BarSeries.of("TQQQ", bars);
    }

    @Test
    void buysOnTheFirstDayThenResizesOnEachMonthsLastTradingDay() {
        BarSeries s = tqqq();
        BacktestConfig cfg = new BacktestConfig(s.firstDate(), s.lastDate(), 10_000, CostModel.FREE, false, "TQQQ", true);
        BacktestResult r = new BacktestEngine(CAL, new MetricsCalculator()).run(
                new MonthlyRebalanceStrategy(MonthlyRebalanceConfig.defaults()), Map.of("TQQQ", s), "TQQQ", cfg, "test",
                ProgressListener.NONE, CancellationToken.NONE);
        List<Fill> f = r.fills();
        assertEquals(3, f.size());
        assertEquals(new Fill(LocalDate.parse("2024-01-29"), "TQQQ", Side.BUY, 20, 100, 0, f.get(0).reason()), f.get(0));
        assertEquals(new Fill(LocalDate.parse("2024-01-31"), "TQQQ", Side.SELL, 4, 125, 0, f.get(1).reason()), f.get(1));
        assertEquals(new Fill(LocalDate.parse("2024-02-29"), "TQQQ", Side.BUY, 9, 80, 0, f.get(2).reason()), f.get(2));
        assertEquals("month-end rebalance: floor($2,000.00 / $80.00) = 25 TQQQ (held 16)", f.get(2).reason());
        // cash 10000 - 2000 + 500 - 720 = 7780; 25 shares at 90
        assertEquals(7780 + 25 * 90, r.metrics().finalEquity(), 1e-9);
        assertEquals(100.0, r.roundTrips().get(0).profit(), 1e-12);
    }

    @Test
    void holdsBetweenMonthEnds() {
        BarSeries s = tqqq();
        BacktestConfig cfg = new BacktestConfig(s.firstDate(), s.lastDate(), 10_000, CostModel.FREE, false, null, true);
        BacktestResult r = new BacktestEngine(CAL, new MetricsCalculator()).run(
                new MonthlyRebalanceStrategy(MonthlyRebalanceConfig.defaults()), Map.of("TQQQ", s), "TQQQ", cfg, "test",
                ProgressListener.NONE, CancellationToken.NONE);
        long rebalances = r.decisions().stream().filter(d -> d.rebalance()).count();
        assertEquals(3, rebalances); // first day, Jan 31, Feb 29 (Feb 19 is a holiday here; Mar 5 is not a month end)
    }

    @Test
    void invalidParametersAreRejectedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MonthlyRebalanceConfig.parse("TQQQ", Map.of("allocation", "-5")));
        assertEquals("allocation must be a positive dollar amount (got -5.0)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MonthlyRebalanceConfig.parse("TQQQ", Map.of("allocation", "lots")));
        assertThrows(IllegalArgumentException.class, () -> MonthlyRebalanceConfig.parse("tq qq!", Map.of()));
    }
}
