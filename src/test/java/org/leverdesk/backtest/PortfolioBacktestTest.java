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
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Target;
import org.leverdesk.execution.StrategyRun;
import org.leverdesk.strategy.DecisionContext;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.strategy.Strategy;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.WeekdayCalendar;

/**
 * Several strategies on one simulated account ({@link BacktestEngine#runTogether}): each decides on its capital share
 * and its own positions, in a fixed order, through the one cycle; the result splits into each strategy's part.
 */
class PortfolioBacktestTest {
    private static final WeekdayCalendar CAL = new WeekdayCalendar();
    private static final LocalDate MON = LocalDate.parse("2024-01-08");
    private final BacktestEngine engine = new BacktestEngine(CAL, new MetricsCalculator());

    /** What a strategy saw on a day: its equity and cash (its view of the shared account). */
    record Seen(String id, LocalDate day, double equity, double cash, Map<String, Long> held) {
    }

    private static Strategy scripted(String id, String symbol, ExecutionPolicy.DecisionTime time, List<Seen> seen,
                                     Function<DecisionContext, Long> targetOrNull) {
        return new Strategy() {
            public String id() { return id; }
            public Set<String> symbols() { return Set.of(symbol); }
            public ExecutionPolicy execution() { return new ExecutionPolicy(time, ExecutionPolicy.LiveOrderStyle.MARKET, 0); }
            public Decision decide(DecisionContext ctx) {
                Map<String, Long> held = new java.util.TreeMap<>();
                ctx.portfolio().positions().forEach((s, p) -> held.put(s, p.quantity()));
                seen.add(new Seen(id, ctx.today(), ctx.portfolio().equity(), ctx.portfolio().cash(), held));
                Long q = targetOrNull.apply(ctx);
                return q == null ? Decision.hold(ctx.today(), id, "hold")
                        : new Decision(ctx.today(), id, true, List.of(new Target(symbol, q)), Explanation.of(id + " to " + q));
            }
        };
    }

    private PortfolioRun together(List<StrategyRun> runs, Map<String, BarSeries> data, double capital) {
        BarSeries x = data.get("X");
        BacktestConfig cfg = new BacktestConfig(x.firstDate(), x.lastDate(), capital, CostModel.FREE, false, null, true);
        return engine.runTogether("mode:test", runs, null, data, "X", cfg, "test", ProgressListener.NONE, CancellationToken.NONE);
    }

    /**
     * By hand: $10,000, a and b 50 % each, no costs, fills at the decision day's close. Day 1 a buys ⌊5,000 / 100⌋ = 50 X
     * ($5,000); then b (second in order) sees equity 0.5 × 10,000 = 5,000 and cash 5,000 (a's X is not its own) and
     * buys ⌊5,000 / 50⌋ = 100 Y. Day 2 X 110, Y 40: equity 5,500 + 4,000 = 9,500. Day 3 X 121, Y 45: b sees equity
     * 0.5 × (6,050 + 4,500) = 5,275 and cash 5,275 − 4,500 = 775, and sells its 100 Y for $4,500; equity 6,050 + 4,500
     * = 10,550. a's P&L = −5,000 + 6,050 = 1,050; b's = −5,000 + 4,500 = −500; together 550 = 10,550 − 10,000.
     */
    @Test
    void twoShareStrategiesOnFiftyFiftySharesByHand() {
        BarSeries x = Bars.flat("X", CAL, MON, 100, 110, 121);
        BarSeries y = Bars.flat("Y", CAL, MON, 50, 40, 45);
        List<Seen> seen = new ArrayList<>();
        Strategy a = scripted("a", "X", ExecutionPolicy.DecisionTime.BEFORE_CLOSE, seen,
                ctx -> ctx.firstDay() ? Long.valueOf((long) Math.floor(ctx.portfolio().cash() / ctx.market().history("X").lastClose())) : null);
        Strategy b = scripted("b", "Y", ExecutionPolicy.DecisionTime.BEFORE_CLOSE, seen, ctx -> ctx.firstDay()
                ? Long.valueOf((long) Math.floor(ctx.portfolio().cash() / ctx.market().history("Y").lastClose()))
                : ctx.today().equals(MON.plusDays(2)) ? Long.valueOf(0) : null);
        PortfolioRun run = together(List.of(new StrategyRun(a, 1, null, 0.5), new StrategyRun(b, 1, null, 0.5)),
                Map.of("X", x, "Y", y), 10_000);
        BacktestResult r = run.result();

        assertEquals("mode:test", r.strategyId());
        assertEquals(List.of(10_000.0, 9_500.0, 10_550.0), r.equity().stream().map(EquityPoint::equity).toList());
        assertEquals(List.of(0.0, 0.0, 4_500.0), r.equity().stream().map(EquityPoint::cash).toList());
        assertEquals(List.of("a BUY 50 X @100.0", "b BUY 100 Y @50.0", "b SELL 100 Y @45.0"), describe(r.fills(), run));
        // the same-day order: a then b, every day
        assertEquals(List.of("a", "b", "a", "b", "a", "b"), seen.stream().map(Seen::id).toList());
        assertEquals(new Seen("b", MON, 5_000, 5_000, Map.of()), seen.get(1), "b's view after a bought: its half, none of X");
        assertEquals(new Seen("a", MON.plusDays(2), 5_275, 0, Map.of("X", 50L)), seen.get(4));
        assertEquals(new Seen("b", MON.plusDays(2), 5_275, 775, Map.of("Y", 100L)), seen.get(5));
        assertEquals(List.of("a", "b", "a", "b", "a", "b"), r.decisions().stream().map(Decision::strategyId).toList());

        StrategyContribution ca = run.contributions().get(0);
        StrategyContribution cb = run.contributions().get(1);
        assertEquals("a", ca.strategyId());
        assertEquals(1, ca.fills());
        assertEquals(6_050, ca.openValue(), 1e-9);
        assertEquals(1_050, ca.pnl(), 1e-9);
        assertEquals("b", cb.strategyId());
        assertEquals(2, cb.fills());
        assertEquals(0, cb.openValue(), 1e-9);
        assertEquals(-500, cb.pnl(), 1e-9);
        assertEquals(0, run.unattributedPnl(), 1e-9);
        assertEquals(0.055, r.metrics().totalReturn(), 1e-12);
        assertEquals(1, r.roundTrips().size(), "b's Y bought and sold");
        assertEquals(-500, r.roundTrips().get(0).profit(), 1e-9);
    }

    /**
     * Strategies on disjoint symbols whose orders do not depend on the other's P&L (fixed quantities, as DCA's weekly
     * amount): together on one account they make exactly the decisions and fills each makes alone with the same capital
     * share, and the account's equity is the sum of their alone runs' P&L on the capital. (Strategies that size by their
     * share of the equity see the other's P&L in it, by design: a share is of the whole account, as in paper and live.)
     */
    @Test
    void disjointStrategiesTogetherEqualTheSumOfTheirRunsAlone() {
        BarSeries x = Bars.flat("X", CAL, MON, 100, 104, 97, 101, 110, 108, 95, 99, 103, 120);
        BarSeries y = Bars.flat("Y", CAL, MON, 20, 21, 25, 19, 18, 22, 24, 23, 21, 26);
        Function<ExecutionPolicy.DecisionTime, List<Strategy>> make = t -> List.of(
                scripted("a", "X", ExecutionPolicy.DecisionTime.BEFORE_CLOSE, new ArrayList<>(),
                        ctx -> ctx.market().history("X").lastClose() < 100 ? Long.valueOf(30) : ctx.market().history("X").lastClose() > 105
                                ? Long.valueOf(0) : null),
                scripted("b", "Y", t, new ArrayList<>(), ctx -> ctx.today().getDayOfMonth() % 3 == 0 ? Long.valueOf(0) : Long.valueOf(150)));
        for (ExecutionPolicy.DecisionTime bTime : ExecutionPolicy.DecisionTime.values()) {
            List<Strategy> both = make.apply(bTime);
            Map<String, BarSeries> data = Map.of("X", x, "Y", y);
            PortfolioRun joint = together(List.of(new StrategyRun(both.get(0), 1, null, 0.4),
                    new StrategyRun(both.get(1), 1, null, 0.6)), data, 10_000);
            List<Strategy> single = make.apply(bTime);
            PortfolioRun aloneA = together(List.of(new StrategyRun(single.get(0), 1, null, 0.4)), data, 10_000);
            PortfolioRun aloneB = together(List.of(new StrategyRun(single.get(1), 1, null, 0.6)), data, 10_000);

            assertEquals(aloneA.result().fills(), only("a", joint), bTime + ": a's fills");
            assertEquals(aloneB.result().fills(), only("b", joint), bTime + ": b's fills");
            assertTrue(aloneA.result().fills().size() >= 2 && aloneB.result().fills().size() >= 4, "both traded");
            List<Decision> jd = joint.result().decisions();
            assertEquals(aloneA.result().decisions(), jd.stream().filter(d -> d.strategyId().equals("a")).toList());
            assertEquals(aloneB.result().decisions(), jd.stream().filter(d -> d.strategyId().equals("b")).toList());
            for (int k = 0; k < x.size(); k++) {
                assertEquals(aloneA.result().equity().get(k).equity() + aloneB.result().equity().get(k).equity() - 10_000,
                        joint.result().equity().get(k).equity(), 1e-9, bTime + " day " + k);
            }
            assertEquals(aloneA.result().metrics().finalEquity() - 10_000, aloneA.contributions().get(0).pnl(), 1e-9);
            assertEquals(0, aloneA.unattributedPnl(), 1e-9, "a mode of one strategy has its one part");
            assertEquals(aloneA.result().metrics().finalEquity() - 10_000, joint.contributions().get(0).pnl(), 1e-9);
            assertEquals(aloneB.result().metrics().finalEquity() - 10_000, joint.contributions().get(1).pnl(), 1e-9);
        }
    }

    @Test
    void aStrategyListedTwiceOrSharesAboveOneAreRefused() {
        BarSeries x = Bars.flat("X", CAL, MON, 100, 101);
        Strategy a = scripted("a", "X", ExecutionPolicy.DecisionTime.BEFORE_CLOSE, new ArrayList<>(), ctx -> null);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> together(
                List.of(new StrategyRun(a, 1, null, 0.5), new StrategyRun(a, 1, null, 0.5)), Map.of("X", x), 1000));
        assertEquals("a is listed twice; each strategy runs once in a portfolio", twice.getMessage());
        Strategy b = scripted("b", "X", ExecutionPolicy.DecisionTime.BEFORE_CLOSE, new ArrayList<>(), ctx -> null);
        IllegalArgumentException over = assertThrows(IllegalArgumentException.class, () -> together(
                List.of(new StrategyRun(a, 1, null, 0.7), new StrategyRun(b, 1, null, 0.5)), Map.of("X", x), 1000));
        assertTrue(over.getMessage().startsWith("the strategies' capital shares add up to 1.2"), over.getMessage());
        assertThrows(IllegalArgumentException.class, () -> together(List.of(), Map.of("X", x), 1000));
    }

    private static List<Fill> only(String id, PortfolioRun run) {
        List<Fill> out = new ArrayList<>();
        for (Fill f : run.result().fills()) {
            if (f.symbol().equals(id.equals("a") ? "X" : "Y")) {
                out.add(f);
            }
        }
        return out;
    }

    private static List<String> describe(List<Fill> fills, PortfolioRun run) {
        List<String> out = new ArrayList<>();
        for (Fill f : fills) {
            out.add((f.symbol().equals("X") ? "a" : "b") + " " + f.side() + " " + f.quantity() + " " + f.symbol() + " @" + f.price());
        }
        return out;
    }
}
