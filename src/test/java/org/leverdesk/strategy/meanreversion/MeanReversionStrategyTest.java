package org.leverdesk.strategy.meanreversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestEngine;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.GateResult;
import org.leverdesk.domain.Side;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.WeekdayCalendar;
import org.junit.jupiter.api.Test;

/**
 * Each rule on hand-made bars run through the backtest engine ($10,000, no costs). RSI(2) values
 * are worked out in the comments with ta4j's seeding (see {@code indicator.IndicatorsTest}).
 */
class MeanReversionStrategyTest {
    private static final WeekdayCalendar CAL = new WeekdayCalendar();
    private static final LocalDate MON = LocalDate.parse("2024-01-08");
    private final BacktestEngine engine = new BacktestEngine(CAL, new MetricsCalculator());

    private static MeanReversionStrategy strategy(String... nameValue) {
        Map<String, String> p = new HashMap<>();
        p.put("hedge", "false");
        for (int i = 0; i < nameValue.length; i += 2) {
            p.put(nameValue[i], nameValue[i + 1]);
        }
        return new MeanReversionStrategy(MeanReversionConfig.parse("TQQQ", p));
    }

    private BacktestResult run(MeanReversionStrategy s, BarSeries tqqq, BarSeries sqqq) {
        Map<String, BarSeries> data = new HashMap<>();
        data.put("TQQQ", tqqq);
        if (sqqq != null) {
            data.put("SQQQ", sqqq);
        }
        BacktestConfig cfg = new BacktestConfig(tqqq.firstDate(), tqqq.lastDate(), 10_000, CostModel.FREE, false, null, true);
        return engine.run(s, data, "TQQQ", cfg, "test", ProgressListener.NONE, CancellationToken.NONE);
    }

    private static String date(int tradingDay) {
        LocalDate d = MON;
        for (int i = 0; i < tradingDay; i++) {
            d = CAL.nextTradingDay(d);
        }
        return d.toString();
    }

    private static List<GateResult> gatesOn(BacktestResult r, int day) {
        Decision d = r.decisions().get(day);
        return d.explanation().gates();
    }

    @Test
    void entersAtOversoldCloseWith90PercentInWholeSharesAndExitsAtOverbought() {
        // RSI: -, -, 0, 66.7, 40, 76.9 -> buy day 2 at 10.5, hold through 66.7 and 40, sell day 5 at 12
        BacktestResult r = run(strategy(), Bars.flat("TQQQ", CAL, MON, 10, 11, 10.5, 11.5, 11, 12), null);
        assertEquals(2, r.fills().size());
        Fill buy = r.fills().get(0);
        assertEquals(LocalDate.parse(date(2)), buy.date());
        assertEquals(Side.BUY, buy.side());
        assertEquals(857, buy.quantity()); // floor(0.9 x 10,000 / 10.5) = floor(857.14)
        assertEquals(10.5, buy.price(), 1e-12);
        Fill sell = r.fills().get(1);
        assertEquals(LocalDate.parse(date(5)), sell.date());
        assertEquals(Side.SELL, sell.side());
        assertEquals(857, sell.quantity());
        assertTrue(sell.reason().startsWith("exit 857 TQQQ: RSI(2) 76.9231 ≥ 75"), sell.reason());
        assertEquals(10_000 + 857 * 1.5, r.metrics().finalEquity(), 1e-9);
        assertEquals(0.0, r.decisions().get(2).explanation().signals().get("rsi"), 1e-12);
    }

    @Test
    void doesNotEnterAboveTheEntryLevel() {
        // RSI: -, -, 100, 66.7 (loss .5: avgG .5, avgL .25), 28.6 (loss 1: avgG .25, avgL .625, RS .4)
        BacktestResult r = run(strategy(), Bars.flat("TQQQ", CAL, MON, 10, 11, 12, 11.5, 10.5), null);
        assertEquals(1, r.fills().size());
        assertEquals(LocalDate.parse(date(4)), r.fills().get(0).date());
        assertEquals(100 - 100 / 1.4, r.decisions().get(4).explanation().signals().get("rsi"), 1e-9);
    }

    @Test
    void warmUpBarsNeverTrade() {
        BacktestResult r = run(strategy(), Bars.flat("TQQQ", CAL, MON, 10, 9), null);
        assertTrue(r.fills().isEmpty());
        assertTrue(r.decisions().get(1).explanation().summary().contains("warming up"));
    }

    @Test
    void entryLeavesAStopFivePercentBelowTheEntryCloseThatFillsIntraday() {
        // entry day 2 at 10.5, stop 9.975, sent as a stop order at 9.97 (cents above $1, rounded down so it never
        // sits above the stop the strategy named); day 3 trades down to 9.9 and closes 10.8 (RSI 37.5: no re-entry)
        BarSeries x = Bars.ohlc("TQQQ",
                new Object[] {date(0), 10, 10, 10, 10},
                new Object[] {date(1), 11, 11, 11, 11},
                new Object[] {date(2), 10.5, 10.5, 10.5, 10.5},
                new Object[] {date(3), 10.4, 10.9, 9.9, 10.8});
        BacktestResult r = run(strategy(), x, null);
        assertEquals(2, r.fills().size());
        Fill stop = r.fills().get(1);
        assertEquals(LocalDate.parse(date(3)), stop.date());
        assertEquals(9.97, stop.price(), 1e-12);
        assertEquals("stop loss at 9.97", stop.reason());
        assertEquals(9.975, r.decisions().get(2).explanation().signals().get("stop"), 1e-12);
    }

    @Test
    void stopGappedThroughFillsAtTheOpen() {
        BarSeries x = Bars.ohlc("TQQQ",
                new Object[] {date(0), 10, 10, 10, 10},
                new Object[] {date(1), 11, 11, 11, 11},
                new Object[] {date(2), 10.5, 10.5, 10.5, 10.5},
                new Object[] {date(3), 9.5, 10.9, 9.4, 10.8});
        Fill stop = run(strategy(), x, null).fills().get(1);
        assertEquals(9.5, stop.price(), 1e-12);
        assertEquals(-857 * 1.0, stop.signedQuantity(), 1e-12);
    }

    @Test
    void afterAStopTheRulesApplyUnchangedSoAnOversoldCloseReEnters() {
        // day 3 closes 10.2 (loss .3: avgG 0, avgL .4 -> RSI 0): stopped at 9.975, then bought again at 10.2
        BarSeries x = Bars.ohlc("TQQQ",
                new Object[] {date(0), 10, 10, 10, 10},
                new Object[] {date(1), 11, 11, 11, 11},
                new Object[] {date(2), 10.5, 10.5, 10.5, 10.5},
                new Object[] {date(3), 10.4, 10.6, 9.9, 10.2});
        BacktestResult r = run(strategy(), x, null);
        assertEquals(List.of(Side.BUY, Side.SELL, Side.BUY), r.fills().stream().map(Fill::side).toList());
        assertEquals(10.2, r.fills().get(2).price(), 1e-12);
    }

    @Test
    void stopLossZeroMeansNoStop() {
        BarSeries x = Bars.ohlc("TQQQ",
                new Object[] {date(0), 10, 10, 10, 10},
                new Object[] {date(1), 11, 11, 11, 11},
                new Object[] {date(2), 10.5, 10.5, 10.5, 10.5},
                new Object[] {date(3), 9.5, 10.9, 9.4, 10.8});
        assertEquals(1, run(strategy("stopLossPercent", "0"), x, null).fills().size());
    }

    @Test
    void vwapFilterNeedsTheCloseBelowTheVolumeWeightedTypicalPrice() {
        // equal volumes, so VWAP(3) is the mean typical price. Bar 2 closes 10.5 (RSI 0) with
        // high 11, low 10.4: typical 10.6333, VWAP (10 + 11 + 10.6333)/3 = 10.5444 > 10.5: passes.
        // With high 10.6, low 10.0: typical 10.3667, VWAP 10.4556 < 10.5: blocked.
        MeanReversionStrategy s = strategy("vwapFilter", "true", "vwapDays", "3");
        BacktestResult pass = run(s, Bars.ohlc("TQQQ", new Object[] {date(0), 10, 10, 10, 10},
                new Object[] {date(1), 11, 11, 11, 11}, new Object[] {date(2), 10.8, 11, 10.4, 10.5}), null);
        assertEquals(1, pass.fills().size());
        assertEquals(10.5444444444, pass.decisions().get(2).explanation().signals().get("vwap"), 1e-9);

        BacktestResult blocked = run(strategy("vwapFilter", "true", "vwapDays", "3"), Bars.ohlc("TQQQ",
                new Object[] {date(0), 10, 10, 10, 10}, new Object[] {date(1), 11, 11, 11, 11},
                new Object[] {date(2), 10.5, 10.6, 10.0, 10.5}), null);
        assertTrue(blocked.fills().isEmpty());
        GateResult vwap = gatesOn(blocked, 2).get(0);
        assertEquals(EntryFilters.VWAP, vwap.name());
        assertFalse(vwap.passed());
        // the inputs in a trader's words: VWAP (10 + 11 + 10.3667)/3 = 10.4556 → $10.46
        assertEquals("TQQQ close $10.50, VWAP-3 $10.46", vwap.inputs());
        assertEquals("close not below VWAP-3", vwap.reason());
        assertTrue(blocked.decisions().get(2).explanation().summary().contains("blocked by VWAP filter"));
    }

    @Test
    void smaTrendFilterNeedsTheCloseAboveItsAverage() {
        // 10, 12, 11.5: RSI 0, SMA(3) 11.1667 < 11.5: passes. 10, 11, 10.5: SMA(3) 10.5, not above: blocked.
        assertEquals(1, run(strategy("smaFilter", "true", "smaDays", "3"),
                Bars.flat("TQQQ", CAL, MON, 10, 12, 11.5), null).fills().size());
        BacktestResult blocked = run(strategy("smaFilter", "true", "smaDays", "3"), Bars.flat("TQQQ", CAL, MON, 10, 11, 10.5), null);
        assertTrue(blocked.fills().isEmpty());
        assertFalse(gatesOn(blocked, 2).get(1).passed());
        assertEquals(10.5, blocked.decisions().get(2).explanation().signals().get("sma"), 1e-12);
    }

    @Test
    void volumeFilterNeedsTheMinimumVolume() {
        // hand-made bars trade 1,000 shares a day
        BarSeries x = Bars.flat("TQQQ", CAL, MON, 10, 11, 10.5);
        assertEquals(1, run(strategy("volumeFilter", "true", "minVolume", "1000"), x, null).fills().size());
        BacktestResult blocked = run(strategy("volumeFilter", "true", "minVolume", "1001"), x, null);
        assertTrue(blocked.fills().isEmpty());
        assertEquals(EntryFilters.MIN_VOLUME, gatesOn(blocked, 2).get(2).name());
        assertFalse(gatesOn(blocked, 2).get(2).passed());
        assertEquals("volume 1,000 shares (min 1,001)", gatesOn(blocked, 2).get(2).inputs());
    }

    @Test
    void bollingerFilterNeedsTheCloseBelowTheLowerBand() {
        // 10, 10.2, 9.5: RSI 0; mean 9.9, population σ sqrt((.01 + .09 + .16)/3) = .29439;
        // lower band with 1σ 9.6056 > 9.5: passes; with 2σ 9.3112 < 9.5: blocked.
        BarSeries x = Bars.flat("TQQQ", CAL, MON, 10, 10.2, 9.5);
        BacktestResult pass = run(strategy("bollingerFilter", "true", "bollingerDays", "3", "bollingerStdDevs", "1"), x, null);
        assertEquals(1, pass.fills().size());
        assertEquals(9.9 - Math.sqrt(0.26 / 3), pass.decisions().get(2).explanation().signals().get("bollingerLower"), 1e-9);
        BacktestResult blocked = run(strategy("bollingerFilter", "true", "bollingerDays", "3", "bollingerStdDevs", "2"), x, null);
        assertTrue(blocked.fills().isEmpty());
        assertFalse(gatesOn(blocked, 2).get(3).passed());
        assertEquals("TQQQ close $9.50, lower Bollinger band (3 days, 2σ) $9.31", gatesOn(blocked, 2).get(3).inputs());
    }

    @Test
    void anEnabledFilterWithTooFewBarsBlocks() {
        BacktestResult r = run(strategy("smaFilter", "true"), Bars.flat("TQQQ", CAL, MON, 10, 12, 11.5), null);
        assertTrue(r.fills().isEmpty());
        assertTrue(gatesOn(r, 2).get(1).reason().contains("needs 20 bars"));
    }

    @Test
    void filtersThatAreOffPassAndAreReportedAsGates() {
        BacktestResult r = run(strategy(), Bars.flat("TQQQ", CAL, MON, 10, 11, 10.5), null);
        List<GateResult> gates = gatesOn(r, 2);
        assertEquals(List.of("VWAP filter", "trend filter", "volume filter", "Bollinger filter"),
                gates.stream().map(GateResult::name).toList());
        assertTrue(gates.stream().allMatch(g -> g.passed() && g.reason().equals("filter off")));
    }

    @Test
    void hedgeOpensAtAnExtremeRsiAndClosesBelowSixty() {
        // RSI: -, -, 100 (open hedge), 90.9 (avgG .5, avgL .05: hold), 34.5 (avgG .25, avgL .475: close)
        BarSeries tqqq = Bars.flat("TQQQ", CAL, MON, 10, 11, 12, 11.9, 11);
        BarSeries sqqq = Bars.flat("SQQQ", CAL, MON, 60, 55, 50, 50, 45);
        BacktestResult r = run(strategy("hedge", "true"), tqqq, sqqq);
        assertEquals(2, r.fills().size());
        Fill open = r.fills().get(0);
        assertEquals("SQQQ", open.symbol());
        assertEquals(Side.BUY, open.side());
        assertEquals(LocalDate.parse(date(2)), open.date());
        assertEquals(60, open.quantity()); // floor(0.3 x 10,000 / 50)
        Fill close = r.fills().get(1);
        assertEquals("SQQQ", close.symbol());
        assertEquals(Side.SELL, close.side());
        assertEquals(LocalDate.parse(date(4)), close.date());
        assertEquals(1, r.roundTrips().size());
        assertEquals("SQQQ", r.roundTrips().get(0).symbol());
        assertEquals(10_000 - 300.0, r.metrics().finalEquity(), 1e-9);
    }

    @Test
    void hedgeIsAtMostThirtyPercentInWholeShares() {
        BarSeries tqqq = Bars.flat("TQQQ", CAL, MON, 10, 11, 12);
        BarSeries sqqq = Bars.flat("SQQQ", CAL, MON, 70, 70, 70);
        assertEquals(42, run(strategy("hedge", "true"), tqqq, sqqq).fills().get(0).quantity()); // 3000 / 70 = 42.86
    }

    @Test
    void hedgeAndExitHappenTogetherWhenTheRsiJumpsFromOversoldToExtreme() {
        // buy TQQQ day 2 (RSI 0); day 3 up 2 (avgG 1, avgL .25 -> RS 4 -> RSI 80): exit, no hedge;
        // day 4 up 2 (avgG 1.5, avgL .125 -> RSI 92.3): hedge opens while flat
        BarSeries tqqq = Bars.flat("TQQQ", CAL, MON, 10, 11, 10.5, 12.5, 14.5);
        BarSeries sqqq = Bars.flat("SQQQ", CAL, MON, 50, 50, 50, 50, 50);
        BacktestResult r = run(strategy("hedge", "true"), tqqq, sqqq);
        assertEquals(List.of("TQQQ BUY", "TQQQ SELL", "SQQQ BUY"),
                r.fills().stream().map(f -> f.symbol() + " " + f.side()).toList());
        assertEquals(LocalDate.parse(date(4)), r.fills().get(2).date());
    }

    @Test
    void executesAtTheCloseInBacktestsAndWithMarketOrdersLive() {
        ExecutionPolicy e = strategy().execution();
        assertEquals(ExecutionPolicy.DecisionTime.BEFORE_CLOSE, e.decisionTime());
        assertEquals(ExecutionPolicy.LiveOrderStyle.MARKET, e.liveOrder());
        assertEquals(java.util.Set.of("TQQQ", "SQQQ"), strategy("hedge", "true").symbols());
        assertEquals(java.util.Set.of("TQQQ"), strategy().symbols());
    }
}
