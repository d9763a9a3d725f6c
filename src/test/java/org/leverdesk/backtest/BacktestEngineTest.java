package org.leverdesk.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.History;
import org.leverdesk.domain.LookAheadException;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.Target;
import org.leverdesk.strategy.DecisionContext;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.strategy.Strategy;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.WeekdayCalendar;
import org.junit.jupiter.api.Test;

class BacktestEngineTest {
    private static final WeekdayCalendar CAL = new WeekdayCalendar();
    private static final LocalDate MON = LocalDate.parse("2024-01-08");
    private final BacktestEngine engine = new BacktestEngine(CAL, new MetricsCalculator());

    /** A strategy whose decision for each day is given by a function; fills by {@code fill}. */
    private static Strategy scripted(ExecutionPolicy.DecisionTime fill, Function<DecisionContext, Long> targetOrNull) {
        return scripted(fill, ExecutionPolicy.LiveOrderStyle.MARKET, targetOrNull);
    }

    private static Strategy scripted(ExecutionPolicy.DecisionTime fill, ExecutionPolicy.LiveOrderStyle style,
                                     Function<DecisionContext, Long> targetOrNull) {
        return new Strategy() {
            public String id() { return "scripted"; }
            public Set<String> symbols() { return Set.of("X"); }
            public ExecutionPolicy execution() { return new ExecutionPolicy(fill, style, 50); }
            public Decision decide(DecisionContext ctx) {
                Long q = targetOrNull.apply(ctx);
                return q == null ? Decision.hold(ctx.today(), id(), "hold")
                        : new Decision(ctx.today(), id(), true, List.of(new Target("X", q)), Explanation.of("go " + q));
            }
        };
    }

    private BacktestResult run(Strategy s, BarSeries x, double capital, CostModel costs) {
        BacktestConfig cfg = new BacktestConfig(x.firstDate(), x.lastDate(), capital, costs, false, null, true);
        return engine.run(s, Map.of("X", x), "X", cfg, "test", ProgressListener.NONE, CancellationToken.NONE);
    }

    @Test
    void strategySeesTodaysBarAndNeverALaterOne() {
        BarSeries x = Bars.flat("X", CAL, MON, 10, 11, 12, 13, 14);
        List<LocalDate> seen = new ArrayList<>();
        run(scripted(ExecutionPolicy.DecisionTime.BEFORE_CLOSE, ctx -> {
            History h = ctx.market().history("X");
            seen.add(h.lastDate());
            assertEquals(ctx.today(), h.lastDate());
            assertThrows(LookAheadException.class, () -> h.close(h.lastIndex() + 1));
            return null;
        }), x, 1000, CostModel.FREE);
        assertEquals(List.of(x.date(0), x.date(1), x.date(2), x.date(3), x.date(4)), seen);
    }

    @Test
    void readingTheFutureFailsTheBacktest() {
        BarSeries x = Bars.flat("X", CAL, MON, 10, 11, 12);
        Strategy peeker = scripted(ExecutionPolicy.DecisionTime.BEFORE_CLOSE, ctx -> {
            History h = ctx.market().history("X");
            return h.close(h.lastIndex() + 1) > 0 ? 1L : null;
        });
        assertThrows(LookAheadException.class, () -> run(peeker, x, 1000, CostModel.FREE));
    }

    @Test
    void closeFillsAtTheDecisionDaysCloseWithCostsAndSlippage() {
        BarSeries x = Bars.flat("X", CAL, MON, 100, 110);
        BacktestResult r = run(scripted(ExecutionPolicy.DecisionTime.BEFORE_CLOSE, ctx -> ctx.firstDay() ? 20L : null),
                x, 10_000, new CostModel(1, 0.01, 10));
        Fill f = r.fills().get(0);
        assertEquals(MON, f.date());
        assertEquals(100.1, f.price(), 1e-9);      // 10 bps slippage against a buy
        assertEquals(1.2, f.commission(), 1e-9);   // $1 + 20 x $0.01
        assertEquals(10_000 - 2002 - 1.2, r.equity().get(0).cash(), 1e-9);
        assertEquals(10_000 - 2002 - 1.2 + 20 * 110, r.metrics().finalEquity(), 1e-9);
    }

    @Test
    void nextOpenFillsAtTheFollowingOpen() {
        BarSeries x = Bars.ohlc("X",
                new Object[] {"2024-01-08", 10, 10, 10, 10},
                new Object[] {"2024-01-09", 12, 13, 11, 12.5},
                new Object[] {"2024-01-10", 13, 13, 13, 13});
        BacktestResult r = run(scripted(ExecutionPolicy.DecisionTime.AFTER_CLOSE, ctx -> ctx.firstDay() ? 10L : null),
                x, 1000, CostModel.FREE);
        assertEquals(1, r.fills().size());
        assertEquals(LocalDate.parse("2024-01-09"), r.fills().get(0).date());
        assertEquals(12.0, r.fills().get(0).price(), 1e-12);
        assertEquals(1000.0, r.equity().get(0).equity(), 1e-12, "nothing filled on the decision day");
    }

    @Test
    void aLimitThroughTheMidFillsAtTheAskWhenItIsMarketable() {
        // The quote at the decision is 10 ± 0.1% (10 bps slippage); the buy limit 50 bps through the mid
        // (10.05) is marketable, so it fills at once at the ask, 10.01, as a broker would.
        BarSeries x = Bars.flat("X", CAL, MON, 10, 11);
        BacktestResult r = run(scripted(ExecutionPolicy.DecisionTime.BEFORE_CLOSE, ExecutionPolicy.LiveOrderStyle.LIMIT_FROM_MID,
                ctx -> 20L), x, 1000, new CostModel(0, 0, 10));
        assertEquals(1, r.fills().size());
        assertEquals(MON, r.fills().get(0).date());
        assertEquals(10.01, r.fills().get(0).price(), 1e-12);
    }

    @Test
    void aLimitTheSpreadPutsOutOfReachExpiresAtTheClose() {
        // 100 bps half-spread: the ask (10.10) is above the limit (10.05); the day order expires unfilled at
        // the close, and the next day's new limit (11.06 against an ask of 11.11) does the same.
        BarSeries x = Bars.flat("X", CAL, MON, 10, 11);
        BacktestResult r = run(scripted(ExecutionPolicy.DecisionTime.BEFORE_CLOSE, ExecutionPolicy.LiveOrderStyle.LIMIT_FROM_MID,
                ctx -> 20L), x, 1000, new CostModel(0, 0, 100));
        assertTrue(r.fills().isEmpty());
        assertEquals(1000.0, r.metrics().finalEquity(), 1e-12);
    }

    @Test
    void ordersUnderTheMinimumTradeValueAreNotSentAsLiveTradingWouldNot() {
        // Holding 20 at $10, a target of 25 is a $50 change: under the $100 minimum trade value, no order.
        BarSeries x = Bars.flat("X", CAL, MON, 10, 10, 10);
        BacktestResult r = run(scripted(ExecutionPolicy.DecisionTime.BEFORE_CLOSE,
                ctx -> ctx.market().history("X").size() == 1 ? 20L : 25L), x, 1000, CostModel.FREE);
        assertEquals(1, r.fills().size());
        assertEquals(20, r.fills().get(0).quantity());
    }

    @Test
    void aChangeInsideTheToleranceBandIsNotTraded() {
        // Holding 100 at $1.50, a target of 101 is a 1% change: inside the 2% band.
        BarSeries x = Bars.flat("X", CAL, MON, 1.5, 1.5);
        BacktestResult r = run(scripted(ExecutionPolicy.DecisionTime.BEFORE_CLOSE,
                ctx -> ctx.market().history("X").size() == 1 ? 100L : 101L), x, 1000, CostModel.FREE);
        assertEquals(1, r.fills().size());
    }

    @Test
    void cashNeverGoesNegativeWithoutMargin() {
        BarSeries x = Bars.flat("X", CAL, MON, 100, 100);
        BacktestResult r = run(scripted(ExecutionPolicy.DecisionTime.BEFORE_CLOSE, ctx -> 1000L), x, 10_000, new CostModel(5, 0, 0));
        assertEquals(99, r.fills().get(0).quantity()); // (10000 - 5) / 100 = 99.95 -> 99 shares
        assertTrue(r.equity().get(1).cash() >= 0);
    }

    @Test
    void sellsBeforeBuysAndRoundTripsAreRecorded() {
        BarSeries x = Bars.flat("X", CAL, MON, 10, 20, 15);
        BacktestResult r = run(scripted(ExecutionPolicy.DecisionTime.BEFORE_CLOSE, ctx -> switch (ctx.market().history("X").size()) {
            case 1 -> 10L;
            case 2 -> 4L;
            default -> 0L;
        }), x, 1000, CostModel.FREE);
        assertEquals(List.of(Side.BUY, Side.SELL, Side.SELL), r.fills().stream().map(Fill::side).toList());
        assertEquals(2, r.roundTrips().size());
        assertEquals(60.0, r.roundTrips().get(0).profit(), 1e-12);  // 6 x (20 - 10)
        assertEquals(20.0, r.roundTrips().get(1).profit(), 1e-12);  // 4 x (15 - 10)
        assertEquals(1080.0, r.metrics().finalEquity(), 1e-9);
        assertEquals(2.0 / 3, r.metrics().exposure(), 1e-12);
    }

    @Test
    void benchmarkBuysAndHoldsTheTotalReturnSeries() {
        BarSeries x = Bars.flat("X", CAL, MON, 10, 11, 12);
        BarSeries b = Bars.ohlc("B",
                new Object[] {"2024-01-05", 1, 1, 1, 1},
                new Object[] {"2024-01-08", 50, 50, 50, 50},
                new Object[] {"2024-01-10", 55, 55, 55, 55});
        BacktestConfig cfg = new BacktestConfig(x.firstDate(), x.lastDate(), 1000, CostModel.FREE, false, "B", false);
        BacktestResult r = engine.run(scripted(ExecutionPolicy.DecisionTime.BEFORE_CLOSE, ctx -> null), Map.of("X", x, "B", b), "X", cfg,
                "test", ProgressListener.NONE, CancellationToken.NONE);
        // 2024-01-09 has no benchmark bar: the last known value carries forward
        assertEquals(1000.0, r.benchmarkEquity()[0], 1e-12);
        assertEquals(1000.0, r.benchmarkEquity()[1], 1e-12);
        assertEquals(1100.0, r.benchmarkEquity()[2], 1e-12);
        assertEquals(0.1, r.benchmarkMetrics().totalReturn(), 1e-12);
    }

    @Test
    void cancellationStopsTheRun() {
        BarSeries x = Bars.flat("X", CAL, MON, 10, 11, 12);
        CancellationToken token = new CancellationToken();
        token.cancel();
        BacktestConfig cfg = new BacktestConfig(x.firstDate(), x.lastDate(), 1000, CostModel.FREE, false, null, false);
        assertThrows(java.util.concurrent.CancellationException.class, () -> engine.run(
                scripted(ExecutionPolicy.DecisionTime.BEFORE_CLOSE, ctx -> null), Map.of("X", x), "X", cfg, "t", ProgressListener.NONE, token));
    }

    @Test
    void aRangeWithoutBarsIsAClearError() {
        BarSeries x = Bars.flat("X", CAL, MON, 10, 11);
        BacktestConfig cfg = new BacktestConfig(LocalDate.parse("2030-01-01"), LocalDate.parse("2030-02-01"), 1000,
                CostModel.FREE, false, null, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> engine.run(
                scripted(ExecutionPolicy.DecisionTime.BEFORE_CLOSE, ctx -> null), Map.of("X", x), "X", cfg, "t", ProgressListener.NONE,
                CancellationToken.NONE));
        assertTrue(e.getMessage().contains("covers 2024-01-08 .. 2024-01-09"), e.getMessage());
    }
}
