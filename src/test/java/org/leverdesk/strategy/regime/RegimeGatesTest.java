package org.leverdesk.strategy.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.GateResult;

/** Every gate of the checklist, passing and failing, each time with exactly one input changed from a passing day. */
class RegimeGatesTest {
    private static final LocalDate DAY = LocalDate.parse("2024-06-03");
    private static final RegimeGates GATES = new RegimeGates(RegimeConfig.defaults());

    /** Mutable copy of {@link GateInputs} whose defaults pass every gate. */
    private static final class In {
        LocalTime decision = LocalTime.of(15, 50);
        LocalTime close = LocalTime.of(16, 0);
        double closePrice = 110;
        double slowSma = 100;
        LocalDate signalLast = DAY;
        LocalDate tradedLast = DAY;
        int bars = 300;
        Regime raw = Regime.STRONG_BULL;
        Regime confirmed = Regime.STRONG_BULL;
        double trend = 0.10;
        double momentum = 1.0;
        VolBand band = VolBand.LOW;
        double overextension = 0.03;
        double slope = 0.02;
        double efficiency = 0.4;
        Optional<OptionsFlowSource.Flow> flow = Optional.empty();
        String state = "ACTIVE";
        double held = 1000;
        double buy = 500;
        double cash = 5000;
        double trade = 500;
        OptionalInt dayTrades = OptionalInt.empty();

        GateInputs build() {
            RegimeSignals s = new RegimeSignals(0.01, 0.02, 0.03, 109, momentum, 1, 12, band, 1, overextension, slope,
                    efficiency, trend);
            return new GateInputs(DAY, decision, close, signalLast, tradedLast, bars, 251, raw, confirmed, closePrice, slowSma, s, flow,
                    state, 3000, held, buy, cash, trade, dayTrades);
        }
    }

    private static List<GateResult> gates(Consumer<In> change) {
        return gates(GATES, change);
    }

    private static List<GateResult> gates(RegimeGates gates, Consumer<In> change) {
        In in = new In();
        change.accept(in);
        GateInputs inputs = in.build();
        List<GateResult> all = gates.evaluate(inputs);
        // The text-free verdicts that unrecorded backtests use must match the explained ones gate for gate.
        int expected = 0;
        for (int i = 0; i < all.size(); i++) {
            assertEquals(RegimeGates.NAMES.get(i), all.get(i).name());
            expected |= all.get(i).passed() ? 0 : 1 << i;
        }
        assertEquals(Integer.toBinaryString(expected), Integer.toBinaryString(gates.failures(inputs)), "failure bits");
        return all;
    }

    private static List<String> failing(Consumer<In> change) {
        return gates(change).stream().filter(g -> !g.passed()).map(GateResult::name).toList();
    }

    private static GateResult gate(List<GateResult> gates, String name) {
        return gates.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void sixteenDistinctNamedGatesAllPassOnAGoodDay() {
        List<GateResult> all = gates(in -> { });
        assertEquals(16, all.size());
        assertEquals(16, new HashSet<>(all.stream().map(GateResult::name).toList()).size());
        assertEquals(List.of(), all.stream().filter(g -> !g.passed()).toList());
        for (GateResult g : all) {
            assertTrue(!g.inputs().isBlank() && !g.reason().isBlank(), g.toString());
        }
    }

    /**
     * Every gate's inputs in a trader's words (issue 18): names and units, prices as $1,359.71, fractions as
     * percents, no name=value code text. The inputs are the passing day of {@link In} with QQQ at $1,359.7083
     * over its SMA-250 at $1,203.4412 (12.99% above), so each number here can be checked by hand against that day.
     */
    @Test
    void inputsAreInTradersWordsWithUnits() {
        List<GateResult> all = gates(in -> {
            in.closePrice = 1359.7083;
            in.slowSma = 1203.4412;
            in.trend = 1359.7083 / 1203.4412 - 1; // 0.12984...
            in.cash = 25_000;
            in.flow = Optional.of(new OptionsFlowSource.Flow(150_000, 100_000));
        });
        Map<String, String> expected = Map.ofEntries(
                Map.entry(RegimeGates.TRADING_SESSION, "day 2024-06-03, market closes 16:00 ET, decision at 15:50 ET"),
                Map.entry(RegimeGates.DATA_FRESH, "QQQ last bar 2024-06-03, TQQQ last bar 2024-06-03, session 2024-06-03"),
                Map.entry(RegimeGates.ENOUGH_HISTORY, "300 QQQ bars, 251 needed"),
                Map.entry(RegimeGates.REGIME_ALLOWS_LONG, "confirmed regime STRONG BULL, allocation 70.00%"),
                Map.entry(RegimeGates.REGIME_CONFIRMED, "today's regime STRONG BULL, confirmed STRONG BULL"),
                Map.entry(RegimeGates.TREND_STRENGTH, "QQQ close $1,359.71, SMA-250 $1,203.44, 12.99% above it (min 2.00%)"),
                Map.entry(RegimeGates.MOMENTUM, "momentum score 1.00 (min 0.30)"),
                Map.entry(RegimeGates.VOLATILITY, "realized volatility 12.00% (low), extreme from 35.00%"),
                Map.entry(RegimeGates.NOT_OVEREXTENDED, "QQQ close 3.00% above SMA-50 (max 10.00%)"),
                Map.entry(RegimeGates.NOT_SIDEWAYS, "SMA-50 change over 20 days 2.00% (min ±0.50%), trend efficiency 0.40 (min 0.05)"),
                Map.entry(RegimeGates.SENTIMENT, "put premium $150,000.00, call premium $100,000.00, bearish above 2×"),
                Map.entry(RegimeGates.TRADING_STATE, "trading state ACTIVE"),
                Map.entry(RegimeGates.CAPITAL_ISOLATION, "position after the buy $1,500.00, strategy capital $3,000.00 (30.00% of equity)"),
                Map.entry(RegimeGates.BUYING_POWER, "buy $500.00, buying power $25,000.00"),
                Map.entry(RegimeGates.MIN_TRADE_VALUE, "order $500.00, minimum $100.00"),
                Map.entry(RegimeGates.DAY_TRADE_GUARD, "guard off"));
        for (GateResult g : all) {
            assertEquals(expected.get(g.name()), g.inputs(), g.name());
            assertFalse(g.inputs().matches(".*[A-Za-z]=.*"), g.inputs());
        }
    }

    @Test
    void sessionGate() {
        assertEquals(List.of(RegimeGates.TRADING_SESSION), failing(in -> in.close = null));
        assertEquals("2024-06-03 is not a trading day", gate(gates(in -> in.close = null), RegimeGates.TRADING_SESSION).reason());
        assertEquals(List.of(RegimeGates.TRADING_SESSION), failing(in -> in.decision = LocalTime.of(16, 0)));
        // early close at 13:00 with the decision at 12:50 passes
        assertEquals(List.of(), failing(in -> { in.close = LocalTime.of(13, 0); in.decision = LocalTime.of(12, 50); }));
    }

    @Test
    void dataFreshGate() {
        assertEquals(List.of(RegimeGates.DATA_FRESH), failing(in -> in.signalLast = DAY.minusDays(3)));
        assertEquals(List.of(RegimeGates.DATA_FRESH), failing(in -> in.tradedLast = DAY.minusDays(3)));
        assertEquals(List.of(RegimeGates.DATA_FRESH), failing(in -> in.tradedLast = null));
    }

    @Test
    void enoughHistoryGate() {
        assertEquals(List.of(RegimeGates.ENOUGH_HISTORY), failing(in -> in.bars = 250));
        assertEquals(List.of(), failing(in -> in.bars = 251));
        assertEquals("6,772 QQQ bars, 251 needed", gate(gates(in -> in.bars = 6772), RegimeGates.ENOUGH_HISTORY).inputs());
    }

    @Test
    void regimeAllowsLongGate() {
        for (Regime r : List.of(Regime.RISK_OFF, Regime.BREAKDOWN)) {
            assertEquals(List.of(RegimeGates.REGIME_ALLOWS_LONG), failing(in -> { in.raw = r; in.confirmed = r; }));
        }
        for (Regime r : List.of(Regime.STRONG_BULL, Regime.BULL, Regime.CAUTIOUS)) {
            assertEquals(List.of(), failing(in -> { in.raw = r; in.confirmed = r; }));
        }
        assertEquals("no regime yet", gate(gates(in -> { in.raw = null; in.confirmed = null; }), RegimeGates.REGIME_ALLOWS_LONG).reason());
    }

    @Test
    void regimeConfirmedGate() {
        assertEquals(List.of(RegimeGates.REGIME_CONFIRMED), failing(in -> in.raw = Regime.BULL));
        assertEquals("today's regime BULL, confirmed STRONG BULL",
                gate(gates(in -> in.raw = Regime.BULL), RegimeGates.REGIME_CONFIRMED).inputs());
    }

    @Test
    void trendStrengthGateNeedsTwoPercentAboveTheSlowSma() {
        assertEquals(List.of(RegimeGates.TREND_STRENGTH), failing(in -> in.trend = 0.0199));
        assertEquals(List.of(RegimeGates.TREND_STRENGTH), failing(in -> in.trend = Double.NaN));
        assertEquals(List.of(), failing(in -> in.trend = 0.02));
    }

    @Test
    void momentumGate() {
        assertEquals(List.of(RegimeGates.MOMENTUM), failing(in -> in.momentum = 0.25));
        assertEquals(List.of(), failing(in -> in.momentum = 0.3));
        assertEquals("momentum score 0.25 (min 0.30)", gate(gates(in -> in.momentum = 0.25), RegimeGates.MOMENTUM).inputs());
    }

    @Test
    void volatilityGate() {
        assertEquals(List.of(RegimeGates.VOLATILITY), failing(in -> in.band = VolBand.EXTREME));
        assertEquals(List.of(), failing(in -> in.band = VolBand.HIGH));
    }

    @Test
    void overextensionGate() {
        assertEquals(List.of(RegimeGates.NOT_OVEREXTENDED), failing(in -> in.overextension = 0.1001));
        assertEquals(List.of(), failing(in -> in.overextension = 0.10));
    }

    @Test
    void sidewaysGateFailsOnAFlatSlopeOrLowEfficiency() {
        assertEquals(List.of(RegimeGates.NOT_SIDEWAYS), failing(in -> in.slope = 0.0049));
        assertEquals("the fast SMA is flat: sideways market", gate(gates(in -> in.slope = 0.0049), RegimeGates.NOT_SIDEWAYS).reason());
        assertEquals(List.of(RegimeGates.NOT_SIDEWAYS), failing(in -> in.efficiency = 0.04));
        assertEquals(List.of(), failing(in -> in.slope = 0.005));
        assertEquals(List.of(), failing(in -> in.slope = -0.02));
    }

    @Test
    void sentimentGatePassesVisiblyWithoutDataAndFailsWhenPutsExceedTwiceCalls() {
        GateResult none = gate(gates(in -> { }), RegimeGates.SENTIMENT);
        assertEquals(new GateResult(RegimeGates.SENTIMENT, true, "no options-flow provider data", "no data: sentiment not checked"), none);
        assertEquals(List.of(RegimeGates.SENTIMENT), failing(in -> in.flow = Optional.of(new OptionsFlowSource.Flow(201, 100))));
        assertEquals(List.of(), failing(in -> in.flow = Optional.of(new OptionsFlowSource.Flow(200, 100))));
    }

    @Test
    void tradingStateGate() {
        assertEquals(List.of(RegimeGates.TRADING_STATE), failing(in -> in.state = "HALTED"));
        assertEquals(List.of(RegimeGates.TRADING_STATE), failing(in -> in.state = "REDUCING"));
    }

    @Test
    void capitalIsolationGate() {
        // held 2600 + buy 500 = 3100 > 30% of equity (3000)
        assertEquals(List.of(RegimeGates.CAPITAL_ISOLATION), failing(in -> in.held = 2600));
        assertEquals(List.of(), failing(in -> in.held = 2500));
    }

    @Test
    void buyingPowerGate() {
        assertEquals(List.of(RegimeGates.BUYING_POWER), failing(in -> in.cash = 499.99));
        assertEquals(List.of(), failing(in -> in.cash = 500));
    }

    @Test
    void minTradeValueGateNeedsMoreThanOneHundredDollars() {
        assertEquals(List.of(RegimeGates.MIN_TRADE_VALUE), failing(in -> in.trade = 100));
        assertEquals(List.of(), failing(in -> in.trade = 100.01));
    }

    @Test
    void dayTradeGuardIsOffByDefaultAndChecksTheBudgetWhenOn() {
        assertTrue(gate(gates(in -> in.dayTrades = OptionalInt.of(0)), RegimeGates.DAY_TRADE_GUARD).passed(), "guard off");
        RegimeGates guarded = new RegimeGates(RegimeConfig.parse("TQQQ", Map.of("dayTradeGuard", "true")));
        GateResult one = gate(gates(guarded, in -> in.dayTrades = OptionalInt.of(1)), RegimeGates.DAY_TRADE_GUARD);
        assertEquals(false, one.passed());
        assertEquals("day trades left: 1 (min 2)", one.inputs());
        assertEquals(true, gate(gates(guarded, in -> in.dayTrades = OptionalInt.of(2)), RegimeGates.DAY_TRADE_GUARD).passed());
        GateResult unknown = gate(gates(guarded, in -> { }), RegimeGates.DAY_TRADE_GUARD);
        assertEquals(true, unknown.passed());
        assertEquals("no data: broker reports no day-trade count", unknown.reason());
        assertEquals("day trades left: unknown (min 2)", unknown.inputs());
    }
}
