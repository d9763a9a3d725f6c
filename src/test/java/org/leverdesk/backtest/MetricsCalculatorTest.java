package org.leverdesk.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.junit.jupiter.api.Test;

class MetricsCalculatorTest {
    private static final LocalDate[] FOUR_DAYS = {
        LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-03"), LocalDate.parse("2024-01-04"), LocalDate.parse("2024-01-05")};

    @Test
    void returnRiskAndDrawdownMatchHandComputedValues() {
        // r = +10%, -10%, +10%: mean 1/30, sample stdev sqrt(0.0266667/2) = 0.1154701
        Metrics m = new MetricsCalculator().compute(FOUR_DAYS, new double[] {100, 110, 99, 108.9}, null, 0, new double[0]);
        assertEquals(0.089, m.totalReturn(), 1e-12);
        assertEquals(0.1154701 * Math.sqrt(252), m.annualVolatility(), 1e-6);
        assertEquals(4.582576, m.sharpe(), 1e-6);           // (1/30) / 0.1154701 * sqrt(252)
        assertEquals(9.165151, m.sortino(), 1e-6);          // (1/30) / sqrt(0.01 / 3) * sqrt(252)
        assertEquals(-0.1, m.maxDrawdown(), 1e-12);         // 99 / 110 - 1
        assertEquals(LocalDate.parse("2024-01-03"), m.maxDrawdownPeak());
        assertEquals(LocalDate.parse("2024-01-04"), m.maxDrawdownTrough());
        assertEquals(108.9, m.finalEquity(), 1e-12);
        assertEquals(1.0, m.exposure());
    }

    @Test
    void cagrUsesCalendarDaysOverThreeSixtyFivePointTwoFive() {
        LocalDate[] dates = {LocalDate.parse("2023-01-03"), LocalDate.parse("2024-01-03")}; // 365 days
        Metrics m = new MetricsCalculator().compute(dates, new double[] {100, 121}, null, 0, new double[0]);
        assertEquals(0.210158, m.cagr(), 1e-6);             // 1.21^(365.25/365) - 1
        assertTrue(Double.isNaN(m.calmar()), "no drawdown means Calmar is undefined");
        assertNull(m.maxDrawdownPeak());
    }

    @Test
    void calmarDividesCagrByDrawdown() {
        LocalDate[] dates = {LocalDate.parse("2023-01-03"), LocalDate.parse("2023-07-03"), LocalDate.parse("2024-01-03")};
        Metrics m = new MetricsCalculator().compute(dates, new double[] {100, 80, 121}, null, 0, new double[0]);
        assertEquals(-0.2, m.maxDrawdown(), 1e-12);
        assertEquals(0.210158 / 0.2, m.calmar(), 1e-5);
    }

    @Test
    void riskFreeRateLowersSharpe() {
        Metrics m = new MetricsCalculator(0.0252).compute(FOUR_DAYS, new double[] {100, 110, 99, 108.9}, null, 0, new double[0]);
        // daily rf = 0.0001; (1/30 - 0.0001) / 0.1154701 * sqrt(252)
        assertEquals((1.0 / 30 - 0.0001) / 0.1154701 * Math.sqrt(252), m.sharpe(), 1e-5);
    }

    @Test
    void tradeStatisticsComeFromRoundTrips() {
        double[] trips = {6.6, -7.6, 3.4};
        boolean[] invested = {true, true, false, false};
        Metrics m = new MetricsCalculator().compute(FOUR_DAYS, new double[] {100, 101, 102, 103}, invested, 4, trips);
        assertEquals(4, m.trades());
        assertEquals(2.0 / 3, m.winRate(), 1e-12);
        assertEquals(10.0 / 7.6, m.profitFactor(), 1e-12);
        assertEquals(5.0, m.avgWin(), 1e-12);
        assertEquals(-7.6, m.avgLoss(), 1e-12);
        assertEquals(0.5, m.exposure(), 1e-12);
    }

    @Test
    void tradeStatisticsAreUndefinedWithoutRoundTrips() {
        Metrics m = new MetricsCalculator().compute(FOUR_DAYS, new double[] {100, 101, 102, 103}, null, 1, new double[0]);
        assertTrue(Double.isNaN(m.winRate()));
        assertTrue(Double.isNaN(m.profitFactor()));
        assertTrue(Double.isNaN(m.avgWin()));
    }
}
