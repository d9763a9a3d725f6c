package org.leverdesk.riskguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.GateResult;
import org.leverdesk.strategy.options.SpreadConfig;

/** Every RiskGuard limit trips on its own, with the reason a journal shows; at the limit's edge it still passes. */
class RiskGuardTest {
    private static final GuardLimits C = GuardLimits.seed003();
    private static final LocalDate DAY = LocalDate.of(2024, 5, 3);

    /** A state whose last decision was at {@code equity}, the previous day's at {@code previous}. */
    private static GuardState state(double equity, double peak, double previous, double weekStart, LocalDate lastStop) {
        return new GuardState(DAY, equity, previous, peak, weekStart, lastStop, 0, List.of(), List.of());
    }

    private static List<String> failed(GuardState s, int trades, RiskGuard.Position p) {
        List<GateResult> g = new ArrayList<>(RiskGuard.account(C, s, DAY, trades));
        g.addAll(RiskGuard.position(C, s.lastEquity(), p));
        return g.stream().filter(r -> !r.passed()).map(GateResult::reason).toList();
    }

    /** $100,000, nothing lost, no stop, VXN 18, $1,000 open risk + $470 new, net delta 20, $80,000 free. */
    private static final GuardState OK = state(100_000, 100_000, 100_000, 100_000, null);
    private static final RiskGuard.Position P = new RiskGuard.Position(18, 1_000, 470, 20, 80_000);

    @Test
    void everythingPassesInsideTheLimits() {
        assertEquals(List.of(), failed(OK, 0, P));
        assertEquals(5, RiskGuard.account(C, OK, DAY, 0).size());
        assertEquals(4, RiskGuard.position(C, 100_000, P).size());
    }

    @Test
    void eachLimitTripsWithItsReason() {
        assertEquals(List.of("daily $ stop: the equity fell $2,000.00 since the previous decision"),
                failed(state(98_000, 100_000, 100_000, 98_500, null), 0, P));
        assertEquals(List.of("weekly % stop: the equity fell 5.00% this week"),
                failed(state(95_000, 95_000, 95_000, 100_000, null), 0, P));
        assertEquals(List.of("drawdown throttle: 20.00% below the equity's peak $100,000.00"),
                failed(state(80_000, 100_000, 80_000, 80_000, null), 0, new RiskGuard.Position(18, 1_000, 470, 20, 60_000)));
        assertEquals(List.of("cooldown: 6 of 7 days since the stop exit of 2024-04-27"),
                failed(state(100_000, 100_000, 100_000, 100_000, DAY.minusDays(6)), 0, P));
        assertEquals(List.of(), failed(state(100_000, 100_000, 100_000, 100_000, DAY.minusDays(7)), 0, P));
        assertEquals(List.of("max trades per day: 2 today already"), failed(OK, 2, P));
        assertEquals(List.of("VIX/VXN ceiling: the index is at 35.01"), failed(OK, 0, new RiskGuard.Position(35.01, 1_000, 470, 20, 80_000)));
        // max open risk 10%: 9,600 + 470 > 10,000; 9,530 + 470 = 10,000 passes
        assertEquals(List.of("max open risk: $9,600.00 open + $470.00 new exceeds 10.00% of the equity"),
                failed(OK, 0, new RiskGuard.Position(18, 9_600, 470, 20, 80_000)));
        assertEquals(List.of(), failed(OK, 0, new RiskGuard.Position(18, 9_530, 470, 20, 80_000)));
        assertEquals(List.of("direction cap: the net delta would be -301.00 shares"),
                failed(OK, 0, new RiskGuard.Position(18, 1_000, 470, -301, 80_000)));
        assertEquals(List.of("cash buffer: $9,999.00 would stay free of collateral, under 10.00% of the equity"),
                failed(OK, 0, new RiskGuard.Position(18, 1_000, 470, 20, 9_999)));
    }

    @Test
    void dayTradesUnderTwentyFiveThousandStopAtTheBrokersLimitButAStopGoesThrough() {
        assertEquals(Optional.empty(), RiskGuard.dayTrade(C, 24_000, 2, false, "QQQ"));
        assertEquals("day-trade limit: closing QQQ opened today would be day trade 4 in 5 sessions with the equity $24,000.00"
                        + " under $25,000.00 (the broker refuses it: Alpaca answers 403); left for the next session, a stop exit"
                        + " still closes it", RiskGuard.dayTrade(C, 24_000, 3, false, "QQQ").orElseThrow());
        assertEquals(Optional.empty(), RiskGuard.dayTrade(C, 24_000, 3, true, "QQQ"));
        assertEquals(Optional.empty(), RiskGuard.dayTrade(C, 25_000, 9, false, "QQQ"));
    }

    @Test
    void theCashOnlyPreflightRefusesAMarginAccount() {
        assertEquals("margin policy cash_only: account PA1 is a margin account; switch it to a cash account (Alpaca: set the"
                + " multiplier to 1 under Account configurations) or set the strategy's parameter marginPolicy=allow",
                RiskGuard.margin(C, true, "PA1", true).orElseThrow());
        assertEquals(Optional.empty(), RiskGuard.margin(C, true, "PA1", false), "a close is never refused");
        assertEquals(Optional.empty(), RiskGuard.margin(C, false, "PA1", true));
        GuardLimits forbid = SpreadConfig.parse("QQQ", Map.of("marginPolicy", "forbid"), SpreadConfig.Mode.SPREADS).guard();
        assertTrue(RiskGuard.margin(forbid, true, "PA1", false).orElseThrow().startsWith("margin policy forbid: account PA1"));
        assertEquals(Optional.empty(), RiskGuard.margin(GuardLimits.OFF, true, "PA1", true));
        assertEquals("marginPolicy must be cash_only, forbid or allow (got 'sometimes')", assertThrows(IllegalArgumentException.class,
                () -> SpreadConfig.parse("QQQ", Map.of("marginPolicy", "sometimes"), SpreadConfig.Mode.SPREADS)).getMessage());
    }

    @Test
    void zeroTurnsTheOptionalLimitsOff() {
        GuardLimits off = SpreadConfig.parse("QQQ", Map.of("dailyStop", "0", "weeklyStopPct", "0", "maxDrawdownPct", "0",
                "maxNetDelta", "0", "maxTradesPerDay", "0", "vixMax", "0"), SpreadConfig.Mode.SPREADS).guard();
        List<GateResult> g = new ArrayList<>(RiskGuard.account(off, state(50_000, 100_000, 100_000, 100_000, null), DAY, 9));
        g.addAll(RiskGuard.position(off, 50_000, new RiskGuard.Position(80, 0, 470, 5_000, 40_000)));
        assertTrue(g.stream().allMatch(GateResult::passed), g.toString());
    }

    @Test
    void theStateCarriesItsBasesFromDayToDayAndWeekToWeek() {
        LocalDate mon = LocalDate.of(2024, 5, 6);
        GuardState s = GuardState.EMPTY.advance(mon.minusDays(3), 100_000); // Friday
        s = s.advance(mon, 98_000);
        assertEquals(100_000, s.previousEquity());
        assertEquals(100_000, s.weekStartEquity(), "the previous week's last decision");
        s = s.traded(1, true, List.of("QQQ"), 0).advance(mon, 97_500); // the same day again: a restart
        assertEquals(100_000, s.previousEquity(), "a second decision the same day keeps the day's base");
        assertEquals(1, s.tradesToday());
        assertEquals(mon, s.lastStop());
        s = s.advance(mon.plusDays(1), 99_000);
        assertEquals(97_500, s.previousEquity());
        assertEquals(0, s.tradesToday());
        assertEquals(List.of(), s.openedToday());
        assertEquals(100_000, s.peakEquity());
    }

    @Test
    void badSettingsAreRefusedWithWhatIsWrong() {
        assertEquals("closeDte must be 0 or more and below minDte (got 21)", assertThrows(IllegalArgumentException.class,
                () -> SpreadConfig.parse("QQQ", Map.of("closeDte", "21"), SpreadConfig.Mode.CONDOR)).getMessage());
        assertEquals("cooldownDays must be 0 to 365 (got 400)", assertThrows(IllegalArgumentException.class,
                () -> SpreadConfig.parse("QQQ", Map.of("cooldownDays", "400"), SpreadConfig.Mode.CONDOR)).getMessage());
        SpreadConfig condor = SpreadConfig.parse("QQQ", Map.of("maxCondors", "3"), SpreadConfig.Mode.CONDOR);
        assertEquals(3, condor.maxPositions());
        assertEquals(C, condor.guard(), "seed 003's defaults");
    }
}
