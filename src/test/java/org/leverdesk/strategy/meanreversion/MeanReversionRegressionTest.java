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
 * <p>How the numbers were checked: {@code src/test/python/one_engine_reference.py} (standard library only,
 * no Leverdesk code) re-implements the rules independently over the same CSVs — Wilder RSI(2) seeded like
 * ta4j 0.22.2, entry at RSI ≤ 30 with floor(0.9 · equity / close) shares, exit at RSI ≥ 75, SQQQ hedge
 * floor(0.3 · equity / close) at RSI ≥ 90 and out below 60 — and the one engine's rules a backtest now
 * runs: the order planner (sells before buys, 2% tolerance band, $100 minimum trade, buys fitted to the
 * buying power), market orders filled at the close quote to $0.0001 with money in cents, the stop as a
 * GTC stop order at 0.95 · entry close rounded down to the tick (triggered at the open, fill at the open,
 * or reached by the low, fill at the stop), cash dividends paid on the ex-date. The filters were
 * re-implemented there too (20-bar VWAP of (H+L+C)/3, SMA, 1,000,000-share minimum, 20-bar 2σ population
 * Bollinger band). For every variant below it gives the same fill counts, stop count, final equity (to the
 * cent), Sharpe, max drawdown, round trips and win rate, and the same first fills.
 *
 * <p>Before the one engine (a second backtest fill model) these runs ended at $2,555,796 (hedge) and
 * $3,056,790 (no hedge): the difference is the dividends now credited ($73,759 and $33,088 over the run),
 * stops on the tick grid, and the planner's rules, compounded over 14 years.
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
        assertEquals(1371, m.trades());
        assertEquals(1069, count(r, "TQQQ"));
        assertEquals(302, count(r, "SQQQ"));
        assertEquals(251, stops(r));
        assertEquals(2896888.2901313603, m.finalEquity(), 1e-6);
        assertEquals(0.781878872633651, m.sharpe(), 1e-9);
        assertEquals(-0.611430214339084, m.maxDrawdown(), 1e-9);
        assertEquals(685, r.roundTrips().size());
        assertEquals(0.5284671532846715, m.winRate(), 1e-12);
        assertEquals(14, r.dividends().size());
        assertEquals(73759.02, r.dividendTotal(), 1e-6);
    }

    @Test
    void withoutTheHedgeArePinned() {
        BacktestResult r = run(Map.of("hedge", "false"));
        Metrics m = r.metrics();
        assertEquals(1069, m.trades());
        assertEquals(251, stops(r));
        assertEquals(3358944.61972178, m.finalEquity(), 1e-6);
        assertEquals(0.8102323422349542, m.sharpe(), 1e-9);
        assertEquals(-0.6032050740426675, m.maxDrawdown(), 1e-9);
        assertEquals(534, r.roundTrips().size());
        assertEquals(0.5280898876404494, m.winRate(), 1e-12);
        assertEquals(33087.59, r.dividendTotal(), 1e-6);
    }

    @Test
    void vwapVolumeAndBollingerFiltersArePinned() {
        BacktestResult r = run(Map.of("vwapFilter", "true", "volumeFilter", "true", "bollingerFilter", "true"));
        Metrics m = r.metrics();
        assertEquals(506, m.trades());
        assertEquals(242, count(r, "TQQQ"));
        assertEquals(264, count(r, "SQQQ"));
        assertEquals(66, stops(r));
        assertEquals(145231.39, m.finalEquity(), 1e-6);
        assertEquals(0.23291938074150687, m.sharpe(), 1e-9);
        assertEquals(-0.5633693782545898, m.maxDrawdown(), 1e-9);
        assertEquals(253, r.roundTrips().size());
        assertEquals(0.5177865612648221, m.winRate(), 1e-12);
        assertEquals(LocalDate.parse("2012-04-16"), r.fills().get(0).date());
    }

    @Test
    void smaTrendFilterIsPinned() {
        BacktestResult r = run(Map.of("smaFilter", "true"));
        Metrics m = r.metrics();
        assertEquals(637, m.trades());
        assertEquals(361, count(r, "TQQQ"));
        assertEquals(63, stops(r));
        assertEquals(451657.88937448, m.finalEquity(), 1e-6);
        assertEquals(0.6800446231926157, m.sharpe(), 1e-9);
        assertEquals(-0.30959638446241344, m.maxDrawdown(), 1e-9);
        assertEquals(318, r.roundTrips().size());
        assertEquals(0.6037735849056604, m.winRate(), 1e-12);
    }

    @Test
    void firstTradesAreTheOversoldCloseOfMarch2012AndTheFirstAffordableHedge() {
        BacktestResult r = run(Map.of());
        Fill first = r.fills().get(0);
        assertEquals(LocalDate.parse("2012-03-05"), first.date());
        assertEquals(Side.BUY, first.side());
        // The close 0.5339580178, filled at the broker's hundredth of a cent; floor(90,000 / 0.5339580178) shares.
        assertEquals(0.534, first.price(), 1e-12);
        assertEquals(168552, first.quantity());
        Fill hedge = r.fills().stream().filter(f -> f.symbol().equals("SQQQ")).findFirst().orElseThrow();
        // Dividends put 30% of equity above one SQQQ share (then $97,550) three weeks earlier than without them.
        assertEquals(LocalDate.parse("2017-02-21"), hedge.date());
        assertEquals(1, hedge.quantity());
        assertEquals(97550.0, hedge.price(), 1e-9);
    }
}
