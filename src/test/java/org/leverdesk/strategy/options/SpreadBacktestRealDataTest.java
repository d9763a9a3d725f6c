package org.leverdesk.strategy.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestEngine;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.GateResult;
import org.leverdesk.domain.Side;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.contract.OptionSymbols;
import org.leverdesk.options.data.OptionMarketFiles;
import org.leverdesk.testing.SharedPrices;

/**
 * {@code spreads} and {@code condor} on real QQQ closes, VXN and DGS3MO, 2012-01-03 .. 2025-09-26, $100,000, the
 * defaults, through the one engine (every spread one multi-leg order in the simulated broker); pinned, with the
 * first spread's round trip and the first condor's stop checked by hand. Skipped when ../shared/data is absent.
 */
class SpreadBacktestRealDataTest {
    private static final NyseCalendar NYSE = new NyseCalendar();
    private static final LocalDate FROM = LocalDate.of(2012, 1, 3);
    private static final LocalDate TO = LocalDate.of(2025, 9, 26);
    private static MarketData prices;
    private static SyntheticChains chains;
    private static BacktestResult spreads;
    private static BacktestResult condor;

    @BeforeAll
    static void run() {
        Path dir = SharedPrices.dir();
        prices = new CsvDirectoryMarketData(dir, new CsvBarReader(NYSE));
        chains = OptionMarketFiles.realMarket(OptionMarketFiles.besidePrices(dir), prices, NYSE);
        spreads = run(SpreadConfig.Mode.SPREADS);
        condor = run(SpreadConfig.Mode.CONDOR);
    }

    private static BacktestResult run(SpreadConfig.Mode mode) {
        SpreadStrategy s = new SpreadStrategy(SpreadConfig.parse("QQQ", Map.of(), mode));
        return new BacktestEngine(NYSE, new MetricsCalculator(0), chains).run(s, Map.of("QQQ", prices.barsUpTo("QQQ", TO)),
                "QQQ", new BacktestConfig(FROM, TO, 100_000, CostModel.FREE, false, "QQQ", true), "test",
                ProgressListener.NONE, CancellationToken.NONE);
    }

    @Test
    void theFirstBullPutSpreadIsOneOrderAndItsProfitTakeIsCheckedByHand() {
        // 2012-01-03: QQQ above its 50-day SMA: a bull put spread; the put nearest 0.20 |delta| of the first expiry
        // 21-35 days out (2012-01-27) is the 54, the long 5 below it the 49.
        List<Fill> f = spreads.fills();
        assertEquals("QQQ   120127P00054000", f.get(0).symbol());
        assertEquals(Side.SELL, f.get(0).side());
        assertEquals(5, f.get(0).quantity());
        assertEquals(0.39, f.get(0).price(), 1e-12);
        assertEquals("QQQ   120127P00049000", f.get(1).symbol());
        assertEquals(Side.BUY, f.get(1).side());
        assertEquals(0.09, f.get(1).price(), 1e-12);
        assertEquals(LocalDate.of(2012, 1, 3), f.get(1).date());
        // credit 0.39 − 0.09 = 0.30 a share, $150 for 5; maximum loss (5 − 0.30) × 100 = $470 each; 5 × 470 = $2,350 ≤
        // 10% of $100,000 (the max-open-risk limit would allow 21, maxContracts caps at 5).
        assertTrue(f.get(0).reason().contains("credit $0.30, max loss $470.00 each"), f.get(0).reason());
        // 2012-01-10: closing costs 0.15 (buy the 54 at the ask) − 0.01 (sell the 49 at the bid) = 0.14; the profit
        // 0.30 − 0.14 = 0.16 ≥ 50% of 0.30: profit take, the two legs in one order: P&L (0.30 − 0.14) × 500 = $80.
        assertEquals(LocalDate.of(2012, 1, 10), f.get(4).date());
        assertEquals("QQQ   120127P00049000", f.get(4).symbol());
        assertEquals(0.01, f.get(4).price(), 1e-12);
        assertEquals("QQQ   120127P00054000", f.get(5).symbol());
        assertEquals(0.15, f.get(5).price(), 1e-12);
        assertTrue(f.get(5).reason().contains("P&L $80.00): profit take: $0.16 >= 50% of the credit $0.30"), f.get(5).reason());
        double pnl = 0;
        for (int i : new int[] {0, 1, 4, 5}) {
            pnl += f.get(i).cashDelta() * OptionSymbols.multiplier(f.get(i).symbol()); // Fill's cash is per share
        }
        assertEquals(80.0, pnl, 1e-9);
        assertEquals(80.0, (0.39 - 0.09 - (0.15 - 0.01)) * 500, 1e-9);
    }

    @Test
    void theFirstCondorIsStoppedWhenQqqClosesBelowItsShortPut() {
        // 2012-05-08: range-bound; 61/56 puts and 67/72 calls of 2012-06-01 for 0.34 − 0.09 + 0.31 − 0.02 = 0.54.
        List<Fill> f = condor.fills();
        assertEquals(LocalDate.of(2012, 5, 8), f.get(0).date());
        assertTrue(f.get(0).reason().contains("credit $0.54, max loss $446.00 each"), f.get(0).reason());
        // 2012-05-18: QQQ closed 60.81 < 61: the short-strike stop closes the shorts and the long put (3 legs, one
        // order); the 72 call has no bid and is left to expire worthless on 2012-06-01.
        for (int i = 4; i <= 6; i++) {
            assertEquals(LocalDate.of(2012, 5, 18), f.get(i).date());
            assertTrue(f.get(i).reason().contains("stop: QQQ closed at $60.81, beyond the short strike $61.00"), f.get(i).reason());
        }
        assertEquals("QQQ   120601C00072000", f.get(7).symbol());
        assertEquals(0, f.get(7).price(), 0);
        assertTrue(f.get(7).reason().contains("expired worthless"), f.get(7).reason());
        // (0.54 − (1.33 + 0.02 − 0.17)) × 500 = −$320
        double pnl = 0;
        for (int i = 0; i <= 7; i++) {
            pnl += f.get(i).cashDelta() * OptionSymbols.multiplier(f.get(i).symbol()); // Fill's cash is per share
        }
        assertEquals(-320.0, pnl, 1e-9);
        // the next day the cooldown denies a new condor (and the journal says so)
        assertTrue(denials(condor).getOrDefault("cooldown", 0) > 0);
    }

    @Test
    void theRunsArePinned() {
        // An expiry the decision closes is free for its entry since the parity replay of the 10-minute exit checks
        // (SpreadExpiryReuseTest; before: 2,184 fills, $82,385.00, -20.67%, 546 spreads, -$17,615 premium).
        assertEquals(2196, spreads.fills().size());
        assertEquals(81_810.00, spreads.metrics().finalEquity(), 0.005);
        assertEquals(-0.21281671708, spreads.metrics().maxDrawdown(), 1e-9);
        assertEquals(1880, condor.fills().size());
        assertEquals(79_325.00, condor.metrics().finalEquity(), 0.005);
        assertEquals(-0.20696811417, condor.metrics().maxDrawdown(), 1e-9);
        // The guard's denials, by limit, over the 14 years (each is a decision's failed gate, journalled in paper/live).
        // The account limits (cooldown, throttle, trades per day, stops) are the decision cycle's since the RiskGuard
        // moved there (decision record 0023): counted on decisions that wanted an entry (before: on every decision
        // that reached the guard, 403 / 674 / 68); the fills and the equity are the same.
        Map<String, Integer> s = denials(spreads);
        assertEquals(375, s.get("cooldown"));
        assertEquals(672, s.get("drawdown throttle"));
        assertEquals(126, s.get("volatility ceiling"));
        assertEquals(64, s.get("trades per day"));
        assertEquals(2, s.get("daily stop"));
        assertEquals(1, s.get("direction cap"));
        // the report layer's tally (PDF, window, --json) counts the same gates
        assertEquals(s, org.leverdesk.backtest.OptionResults.of(spreads).refusals());
        org.leverdesk.backtest.OptionResults so = org.leverdesk.backtest.OptionResults.of(spreads);
        // every spread opened was closed by one of the exits (a close whose long leg had no bid buys back the short
        // alone); all of the P&L is premium (the strategy holds no shares)
        assertEquals(549, so.count(org.leverdesk.backtest.OptionResults.Kind.SPREAD_OPENED));
        assertEquals(Map.of("stop", 15, "short strike", 99, "profit take", 435), so.exits());
        assertEquals(-18_190.00, so.premiumPnl(), 0.005);
        assertEquals(0, so.stockPnl(), 0.005);
        org.leverdesk.backtest.OptionResults co = org.leverdesk.backtest.OptionResults.of(condor);
        assertEquals(235, co.count(org.leverdesk.backtest.OptionResults.Kind.SPREAD_OPENED));
        assertEquals(Map.of("short strike", 84, "profit take", 151), co.exits());
        assertEquals("range-bound 2,090, minimum credit 684, volatility ceiling 143, 4 more gate(s)", co.refusalsLine(3));
        Map<String, Integer> c = denials(condor);
        assertEquals(2090, c.get("range-bound"));
        assertEquals(143, c.get("volatility ceiling"));
        for (BacktestResult r : List.of(spreads, condor)) {
            // Every leg an option of QQQ, ending flat (the last position closed or expired).
            for (Fill fill : r.fills()) {
                assertTrue(OptionSymbols.contract(fill.symbol()).isPresent(), fill.toString());
            }
            assertEquals(0, r.equity().get(r.equity().size() - 1).positionValue(), 1e-9);
        }
    }

    @Test
    void noShortLegIsEverHeldWithoutItsLongLeg() {
        // Multi-leg, all-or-none: at every fill date the short contracts of each expiry are matched by longs.
        for (BacktestResult r : List.of(spreads, condor)) {
            Map<String, Long> held = new HashMap<>();
            LocalDate day = null;
            for (Fill f : r.fills()) {
                if (day != null && !f.date().equals(day)) {
                    check(held, day);
                }
                day = f.date();
                held.merge(f.symbol(), f.side() == Side.BUY ? f.quantity() : -f.quantity(), Long::sum);
            }
        }
    }

    private static void check(Map<String, Long> held, LocalDate day) {
        Map<String, long[]> perExpiry = new HashMap<>();
        held.forEach((sym, q) -> {
            var c = OptionSymbols.contract(sym).orElseThrow();
            long[] sl = perExpiry.computeIfAbsent(c.expiry() + c.right().name(), k -> new long[2]);
            if (q < 0) {
                sl[0] += -q;
            } else {
                sl[1] += q;
            }
        });
        perExpiry.forEach((k, sl) -> assertTrue(sl[0] <= sl[1], day + " " + k + ": " + sl[0] + " short, " + sl[1] + " long"));
    }

    private static Map<String, Integer> denials(BacktestResult r) {
        Map<String, Integer> tally = new HashMap<>();
        for (Decision d : r.decisions()) {
            for (GateResult g : d.explanation().gates()) {
                if (!g.passed()) {
                    tally.merge(g.name(), 1, Integer::sum);
                }
            }
        }
        return tally;
    }
}
