package org.leverdesk.strategy.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
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
import org.leverdesk.domain.History;
import org.leverdesk.domain.MarketSnapshot;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.domain.Position;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.Target;
import org.leverdesk.strategy.DecisionContext;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.WeekdayCalendar;

/**
 * Decisions of the regime strategy with default settings on generated prices: QQQ rising 0.1% a day
 * (STRONG_BULL: close/SMA50 = 1.025, momentum 1, volatility 0, SMA50 slope 2% over 20 days) and
 * TQQQ rising 0.3% a day.
 */
class RegimeStrategyTest {
    private static final WeekdayCalendar CAL = new WeekdayCalendar();
    private static final LocalDate START = LocalDate.parse("2023-01-02");
    private static final int N = 300;

    private static double[] geometric(double first, double growth, int n) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = first * Math.pow(growth, i);
        }
        return c;
    }

    private static BarSeries qqq(double[] closes) {
        return Bars.flat("QQQ", CAL, START, closes);
    }

    private static BarSeries tqqq(int n) {
        return Bars.flat("TQQQ", CAL, START, geometric(50, 1.003, n));
    }

    /** A portfolio of cash and TQQQ shares marked at {@code price}. */
    private record Account(double cash, long shares, double price) implements PortfolioView {
        @Override
        public long quantity(String symbol) {
            return "TQQQ".equals(symbol) ? shares : 0;
        }

        @Override
        public Map<String, Position> positions() {
            return shares == 0 ? Map.of() : Map.of("TQQQ", new Position("TQQQ", shares, price));
        }

        @Override
        public double equity() {
            return cash + shares * price;
        }
    }

    private static Decision decide(RegimeStrategy s, BarSeries q, BarSeries t, int day, double cash, long shares) {
        LocalDate today = t.date(day);
        MarketSnapshot m = new MarketSnapshot(today, Map.of("QQQ", new History(q, day), "TQQQ", new History(t, day)));
        return s.decide(new DecisionContext(today, m, new Account(cash, shares, t.close(day)), CAL, false));
    }

    private static Decision decideQuietly(RegimeStrategy s, double[] qqqCloses, double cash, long shares) {
        BarSeries q = qqq(qqqCloses);
        BarSeries t = tqqq(qqqCloses.length);
        int day = qqqCloses.length - 1;
        LocalDate today = t.date(day);
        MarketSnapshot m = new MarketSnapshot(today, Map.of("QQQ", new History(q, day), "TQQQ", new History(t, day)));
        return s.decide(new DecisionContext(today, m, new Account(cash, shares, t.close(day)), CAL, false, false));
    }

    @Test
    void withoutExplainABuyKeepsItsSummaryAndAHoldCarriesNoGatesOrSignals() {
        Decision explained = decideLast(defaults(), geometric(100, 1.001, N), 10_000, 0);
        Decision quiet = decideQuietly(defaults(), geometric(100, 1.001, N), 10_000, 0);
        assertEquals(explained.targets(), quiet.targets());
        assertTrue(quiet.rebalance());
        assertEquals(explained.explanation().summary(), quiet.explanation().summary()); // it becomes the fill's reason
        assertEquals(List.of(), quiet.explanation().gates());

        RegimeStrategy halted = new RegimeStrategy(RegimeConfig.defaults(), new RegimeInputs(null, () -> "HALTED", null));
        Decision blocked = decideQuietly(halted, geometric(100, 1.001, N), 10_000, 0);
        assertFalse(blocked.rebalance());
        assertEquals(List.of(), blocked.targets());
        assertEquals(RegimeStrategy.UNEXPLAINED_HOLD, blocked.explanation().summary());
        assertEquals("STRONG_BULL", blocked.explanation().regime());
        assertEquals(Map.of(), blocked.explanation().signals());
        assertEquals(List.of(), blocked.explanation().gates());
    }

    private static Decision decideLast(RegimeStrategy s, double[] qqqCloses, double cash, long shares) {
        return decide(s, qqq(qqqCloses), tqqq(qqqCloses.length), qqqCloses.length - 1, cash, shares);
    }

    private static RegimeStrategy defaults() {
        return new RegimeStrategy(RegimeConfig.defaults());
    }

    private static List<String> failed(Decision d) {
        return d.explanation().gates().stream().filter(g -> !g.passed()).map(GateResult::name).toList();
    }

    @Test
    void buysSeventyPercentOfThirtyPercentOfEquityWhenAllGatesPass() {
        Decision d = decideLast(defaults(), geometric(100, 1.001, N), 10_000, 0);
        // TQQQ close = 50 * 1.003^299 = 122.45; floor(10,000 * 0.30 * 0.70 / 122.45) = floor(17.15) = 17
        double price = 50 * Math.pow(1.003, 299);
        assertEquals(122.45, price, 0.01);
        assertTrue(d.rebalance(), d.explanation().summary());
        assertEquals(List.of(new Target("TQQQ", 17)), d.targets());
        assertEquals("STRONG_BULL", d.explanation().regime());
        assertEquals(16, d.explanation().gates().size());
        assertEquals(List.of(), failed(d));
        assertTrue(d.explanation().summary().startsWith("buy 17 TQQQ; all 16 gates pass; STRONG BULL (today STRONG BULL): target 17 TQQQ = 70% allocation × momentum 1.00 × volatility 1.00 × sentiment 1.00 of $3,000.00 at $122.45; held 0"),
                d.explanation().summary());
        Map<String, Double> sig = d.explanation().signals();
        assertEquals(1.0, sig.get("momentumScore"));
        assertEquals(0.0, sig.get("realizedVol"), 1e-9);
        assertEquals(Math.pow(1.001, 20) - 1, sig.get("fastSlope"), 1e-12);
        assertEquals(17.0, sig.get("targetShares"));
    }

    @Test
    void aFailingGateBlocksTheBuyAndIsNamed() {
        RegimeStrategy halted = new RegimeStrategy(RegimeConfig.defaults(), new RegimeInputs(null, () -> "HALTED", null));
        Decision d = decideLast(halted, geometric(100, 1.001, N), 10_000, 0);
        assertFalse(d.rebalance());
        assertEquals(List.of(RegimeGates.TRADING_STATE), failed(d));
        assertTrue(d.explanation().summary().startsWith("buy of 17 TQQQ blocked by: trading state ACTIVE; "), d.explanation().summary());
    }

    @Test
    void differencesOfAtMostOneHundredDollarsAreLeftAlone() {
        Decision same = decideLast(defaults(), geometric(100, 1.001, N), 10_000 - 17 * 122.45, 17);
        assertFalse(same.rebalance());
        assertTrue(same.explanation().summary().startsWith("hold: within $100.00 of target"), same.explanation().summary());
        // one share (122.45 > 100) is traded, both ways
        Decision buyOne = decideLast(defaults(), geometric(100, 1.001, N), 10_000 - 16 * 122.45, 16);
        assertEquals(List.of(new Target("TQQQ", 17)), buyOne.targets());
        Decision sellOne = decideLast(defaults(), geometric(100, 1.001, N), 10_000 - 18 * 122.45, 18);
        assertEquals(List.of(new Target("TQQQ", 17)), sellOne.targets());
        assertTrue(sellOne.explanation().summary().startsWith("reduce: sell 1 TQQQ"), sellOne.explanation().summary());
    }

    @Test
    void crashToRiskOffIsAnEmergencyExitThatBypassesGatesAndTheDayTradeGuard() {
        double[] c = Arrays.copyOf(geometric(100, 1.001, N), N + 1);
        c[N] = c[N - 1] * 0.8; // below SMA250 * 0.98 (about 0.865 x the previous close); SMA50 still above SMA250
        RegimeStrategy guardedAndHalted = new RegimeStrategy(RegimeConfig.parse("TQQQ", Map.of("dayTradeGuard", "true")),
                new RegimeInputs(null, () -> "HALTED", day -> OptionalInt.of(0)));
        Decision d = decideLast(guardedAndHalted, c, 5_000, 20);
        assertTrue(d.rebalance());
        assertEquals(List.of(new Target("TQQQ", 0)), d.targets());
        assertEquals("RISK_OFF", d.explanation().regime());
        assertTrue(d.explanation().summary().startsWith("EMERGENCY EXIT (confirmed regime RISK OFF): sell 20 TQQQ"),
                d.explanation().summary());
        assertTrue(failed(d).containsAll(List.of(RegimeGates.REGIME_ALLOWS_LONG, RegimeGates.TRADING_STATE, RegimeGates.DAY_TRADE_GUARD)),
                failed(d).toString());
    }

    @Test
    void extremeVolatilityAloneIsAnEmergencyExit() {
        // rising 0.1% a day, then the last 20 log returns alternate +-ln(1.03):
        // vol = ln(1.03) x sqrt(20/19) x sqrt(252) x 100 = 0.029559 x 1.025978 x 15.8745 x 100 = 48.14%
        double[] c = geometric(100, 1.001, N);
        for (int i = N - 20; i < N; i++) {
            c[i] = c[i - 1] * ((i - N) % 2 == 0 ? 1.03 : 1 / 1.03);
        }
        Decision d = decideLast(defaults(), c, 5_000, 20);
        assertEquals(48.142, d.explanation().signals().get("realizedVol"), 0.001);
        assertFalse(Regime.valueOf(d.explanation().regime()).isRiskOff());
        assertEquals(List.of(new Target("TQQQ", 0)), d.targets());
        assertTrue(d.explanation().summary().startsWith("EMERGENCY EXIT (extreme volatility 48.14%)"), d.explanation().summary());
    }

    @Test
    void dayTradeGuardSkipsNonEmergencyRebalances() {
        RegimeStrategy guarded = new RegimeStrategy(RegimeConfig.parse("TQQQ", Map.of("dayTradeGuard", "true")),
                new RegimeInputs(null, null, day -> OptionalInt.of(1)));
        Decision d = decideLast(guarded, geometric(100, 1.001, N), 10_000 - 19 * 122.45, 19);
        assertFalse(d.rebalance());
        assertTrue(d.explanation().summary().startsWith("hold: day-trade guard skips this non-emergency rebalance"),
                d.explanation().summary());
    }

    @Test
    void bearishOptionsFlowHalvesTheTargetAndBlocksBuys() {
        RegimeStrategy bearish = new RegimeStrategy(RegimeConfig.defaults(),
                new RegimeInputs(day -> Optional.of(new OptionsFlowSource.Flow(300, 100)), null, null));
        // floor(3000 * 0.70 * 0.5 / 122.45) = floor(8.57) = 8
        Decision fromFlat = decideLast(bearish, geometric(100, 1.001, N), 10_000, 0);
        assertFalse(fromFlat.rebalance());
        assertEquals(List.of(RegimeGates.SENTIMENT), failed(fromFlat));
        Decision fromHeld = decideLast(bearish, geometric(100, 1.001, N), 10_000 - 17 * 122.45, 17);
        assertEquals(List.of(new Target("TQQQ", 8)), fromHeld.targets());
    }

    @Test
    void tooShortAHistoryHoldsWithoutARegime() {
        Decision d = decideLast(defaults(), geometric(100, 1.001, 120), 10_000, 0);
        assertFalse(d.rebalance());
        assertNull(d.explanation().regime());
        assertTrue(failed(d).containsAll(List.of(RegimeGates.ENOUGH_HISTORY, RegimeGates.REGIME_ALLOWS_LONG)), failed(d).toString());
    }

    @Test
    void decisionsDoNotDependOnTheOrderOfCallsOrTheCache() {
        BarSeries q = qqq(geometric(100, 1.001, N));
        BarSeries t = tqqq(N);
        RegimeStrategy reused = defaults();
        Decision late = decide(reused, q, t, 299, 10_000, 0);
        Decision early = decide(reused, q, t, 260, 10_000, 0); // goes back in time: the cache must be rebuilt
        assertEquals(decide(defaults(), q, t, 260, 10_000, 0), early);
        assertEquals(decide(defaults(), q, t, 299, 10_000, 0), late);
        assertEquals(late, decide(reused, q, t, 299, 10_000, 0));
    }

    @Test
    void executesAtTheCloseInBacktestsAndWithMarketOrdersLive() {
        RegimeStrategy s = defaults();
        assertEquals(ExecutionPolicy.DecisionTime.BEFORE_CLOSE, s.execution().decisionTime());
        assertEquals(ExecutionPolicy.LiveOrderStyle.MARKET, s.execution().liveOrder());
        assertEquals(java.util.Set.of("TQQQ", "QQQ"), s.symbols());
        assertEquals("regime", s.id());
    }

    @Test
    void backtestBuysAfterTheHoldAndExitsOnTheCrashDayAtTheClose() {
        double[] c = Arrays.copyOf(geometric(100, 1.001, N), N + 5);
        for (int i = N; i < N + 5; i++) {
            c[i] = c[i - 1] * (i == N ? 0.8 : 1.0);
        }
        BarSeries q = qqq(c);
        BarSeries t = tqqq(c.length);
        BacktestConfig cfg = new BacktestConfig(t.firstDate(), t.lastDate(), 10_000, CostModel.FREE, false, null, true);
        BacktestResult r = new BacktestEngine(CAL, new MetricsCalculator()).run(defaults(), Map.of("QQQ", q, "TQQQ", t), "TQQQ",
                cfg, "test", ProgressListener.NONE, CancellationToken.NONE);
        List<Fill> fills = r.fills();
        // day 249: cold start CAUTIOUS while raw is STRONG_BULL -> "regime confirmed" fails; day 251: STRONG_BULL confirmed
        // and every gate passes: buy floor(3000 * 0.7 / TQQQ close) at the close
        assertEquals(t.date(251), fills.get(0).date());
        assertEquals(Side.BUY, fills.get(0).side());
        assertEquals((long) Math.floor(3000 * 0.7 / t.close(251)), fills.get(0).quantity());
        assertEquals(t.close(251), fills.get(0).price(), 0.00005, "at the close, to the broker's hundredth of a cent");
        Fill last = fills.getLast();
        assertEquals(t.date(N), last.date());
        assertEquals(Side.SELL, last.side());
        assertEquals(t.close(N), last.price(), 0.00005);
        assertTrue(last.reason().startsWith("EMERGENCY EXIT"), last.reason());
        // nothing is held on any day whose confirmed regime is RISK_OFF or BREAKDOWN
        for (int k = 0; k < r.decisions().size(); k++) {
            String regime = r.decisions().get(k).explanation().regime();
            if (regime != null && Regime.valueOf(regime).isRiskOff()) {
                assertEquals(0.0, r.equity().get(k).positionValue(), "exposure on " + r.equity().get(k).date());
            }
        }
    }

    @Test
    void staleSignalDataOrNoSessionHoldsEvenARiskReducingSell() {
        BarSeries q = qqq(geometric(100, 1.001, N));
        BarSeries t = tqqq(N + 1);
        // QQQ's last bar is yesterday's: no trade, and the data gate says why
        LocalDate today = t.date(N);
        MarketSnapshot m = new MarketSnapshot(today, Map.of("QQQ", new History(q, N - 1), "TQQQ", new History(t, N)));
        Decision stale = defaults().decide(new DecisionContext(today, m, new Account(0, 30, t.close(N)), CAL, false));
        assertFalse(stale.rebalance());
        assertTrue(failed(stale).contains(RegimeGates.DATA_FRESH), failed(stale).toString());
        // a calendar that says the last bar's day is a holiday: the session gate fails and nothing is sold
        WeekdayCalendar holiday = new WeekdayCalendar(t.date(N - 1));
        MarketSnapshot m2 = new MarketSnapshot(t.date(N - 1), Map.of("QQQ", new History(q, N - 1), "TQQQ", new History(t, N - 1)));
        Decision closed = defaults().decide(new DecisionContext(t.date(N - 1), m2, new Account(10_000, 30, t.close(N - 1)), holiday, false));
        assertFalse(closed.rebalance());
        assertEquals(List.of(RegimeGates.TRADING_SESSION), failed(closed));
        assertTrue(closed.explanation().summary().startsWith("hold: " + t.date(N - 1) + " has no session"), closed.explanation().summary());
    }
}
