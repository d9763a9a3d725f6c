package org.leverdesk.strategy.rebalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.leverdesk.backtest.BacktestRequest;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.BacktestService;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.testing.SharedPrices;
import org.junit.jupiter.api.Test;

/**
 * Pins the seed-002 backtest on the real TQQQ file, 2022-01-01..2025-01-01, $10,000 capital,
 * $2,000 allocation, no costs. The expected values were reproduced independently by
 * {@code src/test/python/one_engine_reference.py} over the same CSV using the README's rules (first-day buy,
 * month-end resize to floor(2000 / close) as a limit 0.5% through the mid that fills at the close quote,
 * the planner's $100 minimum trade and 2% tolerance band, dividends paid on the ex-date, FIFO round trips):
 * it gives the same 30 fills, final equity to the cent and the same metrics to 1e-9. The old backtest's
 * 34 fills included four under $100 that live trading would never send (e.g. 2024-03-28, 2 TQQQ).
 */
class MonthlyRebalanceRegressionTest {

    private static BacktestResult run() {
        NyseCalendar calendar = new NyseCalendar();
        BacktestService service = new BacktestService(new CsvDirectoryMarketData(SharedPrices.dir(), new CsvBarReader(calendar)),
                calendar, StrategyCatalog.builtIn(), new MetricsCalculator());
        return service.run(new BacktestRequest("monthly-rebalance", "TQQQ", LocalDate.parse("2022-01-01"),
                LocalDate.parse("2025-01-01"), 10_000, CostModel.FREE, "TQQQ", Map.of()), ProgressListener.NONE, CancellationToken.NONE);
    }

    @Test
    void strategyMetricsArePinned() {
        BacktestResult r = run();
        Metrics m = r.metrics();
        assertEquals(LocalDate.parse("2022-01-03"), r.equity().get(0).date());
        assertEquals(LocalDate.parse("2024-12-31"), r.equity().get(r.equity().size() - 1).date());
        assertEquals(30, m.trades());
        assertEquals(11226.3799315, m.finalEquity(), 1e-6);
        assertEquals(0.12263854816902642, m.totalReturn(), 1e-9);
        assertEquals(0.039414533351097125, m.cagr(), 1e-9);
        assertEquals(0.1529332837744883, m.annualVolatility(), 1e-9);
        assertEquals(0.32991484471123456, m.sharpe(), 1e-9);
        assertEquals(0.46680407552385383, m.sortino(), 1e-9);
        assertEquals(-0.24746462091003896, m.maxDrawdown(), 1e-9);
        assertEquals(0.15927340726990435, m.calmar(), 1e-9);
        assertEquals(24, r.roundTrips().size());
        assertEquals(0.5833333333333334, m.winRate(), 1e-12);
        assertEquals(1.095110429574131, m.profitFactor(), 1e-9);
        assertEquals(9, r.dividends().size());
        assertEquals(74.93, r.dividendTotal(), 1e-6);
        assertTrue(r.fills().stream().allMatch(f -> f.quantity() * f.price() >= 100), "no trade under $100");
    }

    @Test
    void benchmarkIsBuyAndHoldOfTheTotalReturnSeries() {
        Metrics b = run().benchmarkMetrics();
        assertEquals(-0.0413110082475614, b.totalReturn(), 1e-9);
        assertEquals(9586.889917524386, b.finalEquity(), 1e-6);
        assertEquals(0.7057764820523879, b.annualVolatility(), 1e-9);
        assertEquals(0.3346285667581777, b.sharpe(), 1e-9);
        assertEquals(-0.8101574910726985, b.maxDrawdown(), 1e-9);
    }

    @Test
    void firstTradeBuysTheAllocationAtTheFirstClose() {
        Fill first = run().fills().get(0);
        assertEquals(LocalDate.parse("2022-01-03"), first.date());
        assertEquals(Side.BUY, first.side());
        // TQQQ closed at 42.78250122 (May-2026 share basis) on 2022-01-03: floor(2000 / 42.7825) = 46, filled at
        // that close to the broker's hundredth of a cent (the limit 0.5% through the mid is marketable)
        assertEquals(42.7825, first.price(), 1e-9);
        assertEquals(46, first.quantity());
    }
}
