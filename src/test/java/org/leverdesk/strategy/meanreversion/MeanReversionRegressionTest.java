package org.leverdesk.strategy.meanreversion;

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
 * Pins rsi2 on the real TQQQ/SQQQ files, 2012-01-01..2025-12-31, $100,000, no costs, through the
 * same BacktestService the CLI and the GUI use. $100,000 rather than $10,000 because SQQQ is priced
 * on its May-2026 share basis (about $3 million a share in 2012, $95,000 in 2017): with whole shares
 * the 30% hedge cannot buy a single share before 2017 at this capital, and not before 2021 at $10,000.
 *
 * <p>How the numbers were checked: {@code src/test/python/rsi2_reference.py} (csv module only, no
 * Leverdesk code) re-implements the rules independently over the same CSVs — Wilder RSI(2) seeded like ta4j 0.22.2, entry at RSI ≤ 30
 * with floor(0.9 · equity / close) shares, exit at RSI ≥ 75, stop at 0.95 · entry close checked
 * before the decision (fill at min(open, stop)), SQQQ hedge floor(0.3 · equity / close) at RSI ≥ 90
 * and out below 60, sells before buys, FIFO round trips, Sharpe = mean / stdev(n-1) · √252. The filters
 * were re-implemented there too (20-bar VWAP of (H+L+C)/3, SMA, 1,000,000-share minimum, 20-bar
 * 2σ population Bollinger band). For every variant below it gives the same fill counts, stop count,
 * final equity (to 1e-6), Sharpe, max drawdown, round trips and win rate, and the same first fills.
 */
class MeanReversionRegressionTest {
    private static final LocalDate FROM = LocalDate.parse("2012-01-01");
    private static final LocalDate TO = LocalDate.parse("2025-12-31");

    private static BacktestResult run(Map<String, String> parameters) {
        NyseCalendar calendar = new NyseCalendar();
        BacktestService service = new BacktestService(new CsvDirectoryMarketData(SharedPrices.dir(), new CsvBarReader(calendar)),
                calendar, StrategyCatalog.builtIn(), new MetricsCalculator());
        return service.run(new BacktestRequest("rsi2", "TQQQ", FROM, TO, 100_000, CostModel.FREE, null, parameters),
                ProgressListener.NONE, CancellationToken.NONE);
    }

    private static long count(BacktestResult r, String symbol) {
        return r.fills().stream().filter(f -> f.symbol().equals(symbol)).count();
    }

    private static long stops(BacktestResult r) {
        return r.fills().stream().filter(f -> f.reason().startsWith("stop loss at ")).count();
    }

    @Test
    void defaultsWithTheHedgeArePinned() {
        BacktestResult r = run(Map.of());
        Metrics m = r.metrics();
        assertEquals(LocalDate.parse("2012-01-03"), r.equity().get(0).date());
        assertEquals(LocalDate.parse("2025-12-31"), r.equity().get(r.equity().size() - 1).date());
        assertEquals(3520, r.equity().size());
        assertEquals(1379, m.trades());
        assertEquals(1079, count(r, "TQQQ"));
        assertEquals(300, count(r, "SQQQ"));
        assertEquals(257, stops(r));
        assertEquals(2555795.7784480094, m.finalEquity(), 1e-6);
        assertEquals(0.7605875141705287, m.sharpe(), 1e-9);
        assertEquals(-0.6104224058735159, m.maxDrawdown(), 1e-9);
        assertEquals(689, r.roundTrips().size());
        assertEquals(0.5224963715529753, m.winRate(), 1e-12);
    }

    @Test
    void withoutTheHedgeArePinned() {
        BacktestResult r = run(Map.of("hedge", "false"));
        Metrics m = r.metrics();
        assertEquals(1079, m.trades());
        assertEquals(257, stops(r));
        assertEquals(3056790.458277707, m.finalEquity(), 1e-6);
        assertEquals(0.7941032785057848, m.sharpe(), 1e-9);
        assertEquals(-0.6023029370178878, m.maxDrawdown(), 1e-9);
        assertEquals(539, r.roundTrips().size());
        assertEquals(0.5213358070500927, m.winRate(), 1e-12);
    }

    @Test
    void vwapVolumeAndBollingerFiltersArePinned() {
        BacktestResult r = run(Map.of("vwapFilter", "true", "volumeFilter", "true", "bollingerFilter", "true"));
        Metrics m = r.metrics();
        assertEquals(518, m.trades());
        assertEquals(246, count(r, "TQQQ"));
        assertEquals(272, count(r, "SQQQ"));
        assertEquals(67, stops(r));
        assertEquals(153672.04969136493, m.finalEquity(), 1e-6);
        assertEquals(0.24805210709132935, m.sharpe(), 1e-9);
        assertEquals(-0.5665185227275609, m.maxDrawdown(), 1e-9);
        assertEquals(259, r.roundTrips().size());
        assertEquals(0.5096525096525096, m.winRate(), 1e-12);
        assertEquals(LocalDate.parse("2012-04-16"), r.fills().get(0).date());
    }

    @Test
    void smaTrendFilterIsPinned() {
        BacktestResult r = run(Map.of("smaFilter", "true"));
        Metrics m = r.metrics();
        assertEquals(639, m.trades());
        assertEquals(361, count(r, "TQQQ"));
        assertEquals(63, stops(r));
        assertEquals(453921.68416319357, m.finalEquity(), 1e-6);
        assertEquals(0.6829558883116242, m.sharpe(), 1e-9);
        assertEquals(-0.3092628210709324, m.maxDrawdown(), 1e-9);
        assertEquals(319, r.roundTrips().size());
        assertEquals(0.6050156739811913, m.winRate(), 1e-12);
    }

    @Test
    void firstTradesAreTheOversoldCloseOfMarch2012AndTheFirstAffordableHedge() {
        BacktestResult r = run(Map.of());
        Fill first = r.fills().get(0);
        assertEquals(LocalDate.parse("2012-03-05"), first.date());
        assertEquals(Side.BUY, first.side());
        assertEquals(0.5339580178, first.price(), 1e-12);
        assertEquals(168552, first.quantity()); // floor(90,000 / 0.5339580178)
        Fill hedge = r.fills().stream().filter(f -> f.symbol().equals("SQQQ")).findFirst().orElseThrow();
        assertEquals(LocalDate.parse("2017-03-10"), hedge.date());
        assertEquals(1, hedge.quantity());
        assertEquals(95425.0, hedge.price(), 1e-9);
    }
}
