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
import org.leverdesk.domain.Side;
import org.leverdesk.domain.Target;
import org.leverdesk.strategy.DecisionContext;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.strategy.Strategy;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.WeekdayCalendar;
import org.junit.jupiter.api.Test;

/** Resting protective stops carried by {@link Target#stopPrice()}: triggers, gaps, replacement, cancellation. */
class BacktestEngineStopTest {
    private final BacktestEngine engine = new BacktestEngine(new WeekdayCalendar(), new MetricsCalculator());

    /** Decides by day number (1-based); a null target list holds. */
    private static Strategy scripted(ExecutionPolicy.DecisionTime fill, Function<Integer, Target> byDay) {
        return new Strategy() {
            public String id() { return "scripted"; }
            public Set<String> symbols() { return Set.of("X"); }
            public ExecutionPolicy execution() { return new ExecutionPolicy(fill, ExecutionPolicy.LiveOrderStyle.MARKET, 50); }
            public Decision decide(DecisionContext ctx) {
                Target t = byDay.apply(ctx.market().history("X").size());
                return t == null ? Decision.hold(ctx.today(), id(), "hold")
                        : new Decision(ctx.today(), id(), true, List.of(t), Explanation.of("go " + t.quantity()));
            }
        };
    }

    private BacktestResult run(Strategy s, BarSeries x, CostModel costs) {
        BacktestConfig cfg = new BacktestConfig(x.firstDate(), x.lastDate(), 10_000, costs, false, null, true);
        return engine.run(s, Map.of("X", x), "X", cfg, "test", ProgressListener.NONE, CancellationToken.NONE);
    }

    private static Strategy buyTenWithStop95() {
        return scripted(ExecutionPolicy.DecisionTime.BEFORE_CLOSE, day -> day == 1 ? new Target("X", 10, 95) : null);
    }

    private static BarSeries dayOneAt100Then(Object[]... later) {
        Object[][] rows = new Object[later.length + 1][];
        rows[0] = new Object[] {"2024-01-08", 100, 100, 100, 100};
        System.arraycopy(later, 0, rows, 1, later.length);
        return Bars.ohlc("X", rows);
    }

    @Test
    void longStopTriggersIntradayAtTheStopPrice() {
        BarSeries x = dayOneAt100Then(new Object[] {"2024-01-09", 99, 100, 94, 96});
        BacktestResult r = run(buyTenWithStop95(), x, CostModel.FREE);
        assertEquals(2, r.fills().size());
        Fill stop = r.fills().get(1);
        assertEquals(LocalDate.parse("2024-01-09"), stop.date());
        assertEquals(Side.SELL, stop.side());
        assertEquals(10, stop.quantity());
        assertEquals(95.0, stop.price(), 1e-12);
        assertEquals("stop loss at 95", stop.reason());
        assertEquals(10_000 - 50.0, r.metrics().finalEquity(), 1e-9);
        assertEquals(1, r.roundTrips().size());
        assertEquals(-50.0, r.roundTrips().get(0).profit(), 1e-9);
    }

    @Test
    void longStopGappedThroughFillsAtTheOpen() {
        BarSeries x = dayOneAt100Then(new Object[] {"2024-01-09", 90, 92, 88, 91});
        Fill stop = run(buyTenWithStop95(), x, CostModel.FREE).fills().get(1);
        assertEquals(90.0, stop.price(), 1e-12);
        assertEquals("stop loss at 95", stop.reason());
    }

    @Test
    void stopIsNotTriggeredWhileTheLowStaysAboveItAndTriggersWhenTheLowTouchesIt() {
        BarSeries x = dayOneAt100Then(new Object[] {"2024-01-09", 99, 101, 95.01, 97},
                new Object[] {"2024-01-10", 97, 98, 95, 96});
        BacktestResult r = run(buyTenWithStop95(), x, CostModel.FREE);
        assertEquals(2, r.fills().size());
        assertEquals(LocalDate.parse("2024-01-10"), r.fills().get(1).date(), "a low of exactly the stop triggers it");
        assertEquals(95.0, r.fills().get(1).price(), 1e-12);
    }

    @Test
    void stopFillPaysSlippageAndCommission() {
        BarSeries x = dayOneAt100Then(new Object[] {"2024-01-09", 99, 100, 94, 96});
        Fill stop = run(buyTenWithStop95(), x, new CostModel(1, 0, 10)).fills().get(1);
        assertEquals(95 * (1 - 0.001), stop.price(), 1e-9);
        assertEquals(1.0, stop.commission(), 1e-12);
    }

    @Test
    void stopIsCheckedBeforeTheDecisionSoTheStrategySeesTheFlatPosition() {
        BarSeries x = dayOneAt100Then(new Object[] {"2024-01-09", 99, 100, 94, 96});
        List<Long> heldWhenDeciding = new ArrayList<>();
        Strategy s = new Strategy() {
            public String id() { return "observer"; }
            public Set<String> symbols() { return Set.of("X"); }
            public ExecutionPolicy execution() { return ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET, 0); }
            public Decision decide(DecisionContext ctx) {
                heldWhenDeciding.add(ctx.portfolio().quantity("X"));
                return ctx.firstDay() ? new Decision(ctx.today(), id(), true, List.of(new Target("X", 10, 95)), Explanation.of("buy"))
                        : Decision.hold(ctx.today(), id(), "hold");
            }
        };
        run(s, x, CostModel.FREE);
        assertEquals(List.of(0L, 0L), heldWhenDeciding);
    }

    @Test
    void stopTriggersAtMostOncePerDay() {
        // day 2: stopped at 95, then the strategy re-buys at the close with a new stop at 95; the day's
        // low (90) is below that new stop too, but it is first checked on day 3.
        BarSeries x = dayOneAt100Then(new Object[] {"2024-01-09", 99, 100, 90, 96},
                new Object[] {"2024-01-10", 96, 97, 95.5, 96});
        Strategy s = scripted(ExecutionPolicy.DecisionTime.BEFORE_CLOSE, day -> day <= 2 ? new Target("X", 10, 95) : null);
        BacktestResult r = run(s, x, CostModel.FREE);
        assertEquals(List.of(Side.BUY, Side.SELL, Side.BUY), r.fills().stream().map(Fill::side).toList());
        assertEquals(10, r.equity().get(2).positionValue() / 96, 1e-9);
    }

    @Test
    void aLaterStopReplacesTheEarlierOne() {
        BarSeries x = dayOneAt100Then(new Object[] {"2024-01-09", 100, 101, 96, 100},
                new Object[] {"2024-01-10", 99, 99, 97.5, 98});
        // day 2 raises the stop to 98 without trading; day 2's low 96 is tested against the old 95.
        Strategy s = scripted(ExecutionPolicy.DecisionTime.BEFORE_CLOSE, day -> switch (day) {
            case 1 -> new Target("X", 10, 95);
            case 2 -> new Target("X", 10, 98);
            default -> null;
        });
        BacktestResult r = run(s, x, CostModel.FREE);
        assertEquals(2, r.fills().size());
        assertEquals(LocalDate.parse("2024-01-10"), r.fills().get(1).date());
        assertEquals(98.0, r.fills().get(1).price(), 1e-12);
        assertEquals("stop loss at 98", r.fills().get(1).reason());
    }

    @Test
    void aLaterTargetWithoutAStopCancelsIt() {
        BarSeries x = dayOneAt100Then(new Object[] {"2024-01-09", 100, 101, 99, 100},
                new Object[] {"2024-01-10", 90, 92, 80, 85});
        Strategy s = scripted(ExecutionPolicy.DecisionTime.BEFORE_CLOSE, day -> switch (day) {
            case 1 -> new Target("X", 10, 95);
            case 2 -> new Target("X", 10);
            default -> null;
        });
        BacktestResult r = run(s, x, CostModel.FREE);
        assertEquals(1, r.fills().size());
        assertEquals(10_000 - 150.0, r.metrics().finalEquity(), 1e-9);
    }

    @Test
    void stopIsCancelledWhenTheStrategyGoesFlatSoItCannotOpenAShort() {
        // day 2 sells to flat at the close with a target that still names the stop; day 3 trades
        // through 95, and with nothing held no stop order may fill.
        BarSeries x = dayOneAt100Then(new Object[] {"2024-01-09", 100, 101, 99, 100},
                new Object[] {"2024-01-10", 90, 92, 80, 85});
        Strategy s = scripted(ExecutionPolicy.DecisionTime.BEFORE_CLOSE, day -> switch (day) {
            case 1 -> new Target("X", 10, 95);
            case 2 -> new Target("X", 0, 95);
            default -> null;
        });
        BacktestResult r = run(s, x, CostModel.FREE);
        assertEquals(List.of(Side.BUY, Side.SELL), r.fills().stream().map(Fill::side).toList());
        assertEquals(10_000.0, r.metrics().finalEquity(), 1e-9);
    }

    @Test
    void aBuyDecidedAfterTheCloseGoesAtTheOpenAndItsStopWorksFromTheNextDay() {
        // Decided after day 1's close; the buy goes at the follow-up minute after day 2's open and fills at the
        // opening quote (100); its stop is placed then. Daily bars cannot tell whether day 2's low (94) came
        // after 09:35, so an order placed during a session meets only the next days' ranges: day 3's low
        // (94.5) reaches it.
        BarSeries x = dayOneAt100Then(new Object[] {"2024-01-09", 100, 101, 94, 97},
                new Object[] {"2024-01-10", 97, 98, 94.5, 96});
        Strategy s = scripted(ExecutionPolicy.DecisionTime.AFTER_CLOSE, day -> day == 1 ? new Target("X", 10, 95) : null);
        BacktestResult r = run(s, x, CostModel.FREE);
        assertEquals(List.of(Side.BUY, Side.SELL), r.fills().stream().map(Fill::side).toList());
        assertEquals(LocalDate.parse("2024-01-09"), r.fills().get(0).date());
        assertEquals(100.0, r.fills().get(0).price(), 1e-12);
        assertEquals(LocalDate.parse("2024-01-10"), r.fills().get(1).date());
        assertEquals(95.0, r.fills().get(1).price(), 1e-12);
    }

    @Test
    void aPositionStoppedOutBeforeTheFollowUpIsNotBoughtBack() {
        // After-close strategy: day 1 buys 10 (bought after day 2's open at 100, stop 95 placed then); day 2
        // re-states "hold 10, stop 95" after the close. Day 3 opens at 90, through the stop: sold at 90 in
        // the morning. The follow-up after that open buys only what the day-2 decision wanted more of than
        // was held then (nothing), so the stopped-out position stays closed.
        BarSeries x = dayOneAt100Then(new Object[] {"2024-01-09", 100, 101, 99, 100},
                new Object[] {"2024-01-10", 90, 92, 88, 91});
        Strategy s = scripted(ExecutionPolicy.DecisionTime.AFTER_CLOSE, day -> day <= 2 ? new Target("X", 10, 95) : null);
        BacktestResult r = run(s, x, CostModel.FREE);
        assertEquals(List.of(Side.BUY, Side.SELL), r.fills().stream().map(Fill::side).toList());
        assertEquals(90.0, r.fills().get(1).price(), 1e-12);
        assertEquals(0, r.equity().get(2).positionValue(), 1e-9);
    }

    @Test
    void aShortTargetIsRefusedByTheCashAccount() {
        // The simulated broker, like the paper broker and a cash account at Alpaca, cannot sell short.
        BarSeries x = dayOneAt100Then(new Object[] {"2024-01-09", 101, 106, 100, 104});
        Strategy s = scripted(ExecutionPolicy.DecisionTime.BEFORE_CLOSE, day -> day == 1 ? new Target("X", -10, 105) : null);
        BacktestResult r = run(s, x, CostModel.FREE);
        assertTrue(r.fills().isEmpty());
        assertEquals(10_000.0, r.metrics().finalEquity(), 1e-9);
    }

    @Test
    void targetRejectsANegativeStopAndReadsZeroAsNone() {
        assertThrows(IllegalArgumentException.class, () -> new Target("X", 1, -5));
        assertTrue(Double.isNaN(new Target("X", 1, 0).stopPrice()));
        assertTrue(Double.isNaN(new Target("X", 1).stopPrice()));
    }
}
