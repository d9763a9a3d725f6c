package org.leverdesk.strategy.rebalance;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * $2,000 allocation, no costs. The expected values were reproduced independently by a 40-line
 * Python script over the same CSV using the README's formulas (first-day buy, month-end resize to
 * floor(2000 / close), FIFO round trips): it gave the same 34 fills and the same metrics to 1e-9.
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
        assertEquals(34, m.trades());
        assertEquals(11177.509952564, m.finalEquity(), 1e-6);
        assertEquals(0.11775099525639998, m.totalReturn(), 1e-9);
        assertEquals(0.03790013231888234, m.cagr(), 1e-9);
        assertEquals(0.1532567688445151, m.annualVolatility(), 1e-9);
        assertEquals(0.31999974535445563, m.sharpe(), 1e-9);
        assertEquals(0.4525792983897356, m.sortino(), 1e-9);
        assertEquals(-0.24829349106809995, m.maxDrawdown(), 1e-9);
        assertEquals(0.15264247224462035, m.calmar(), 1e-9);
        assertEquals(27, r.roundTrips().size());
        assertEquals(0.6296296296296297, m.winRate(), 1e-12);
        assertEquals(1.1471296554087604, m.profitFactor(), 1e-9);
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
        // TQQQ closed at 42.78250122 (May-2026 share basis) on 2022-01-03: floor(2000 / 42.7825) = 46
        assertEquals(42.78250122, first.price(), 1e-9);
        assertEquals(46, first.quantity());
    }
}
