package org.leverdesk.strategy.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.GateResult;

/** Every RiskGuard limit trips on its own, with the reason a journal shows; at the limit's edge it still passes. */
class SpreadGuardTest {
    private static final SpreadConfig C = SpreadConfig.defaults(SpreadConfig.Mode.SPREADS);
    private static final LocalDate DAY = LocalDate.of(2024, 5, 3);

    /** $100,000, nothing lost, no stop, VXN 18, $1,000 open risk + $470 new, net delta 20, $80,000 free. */
    private static SpreadGuard.Inputs ok() {
        return new SpreadGuard.Inputs(DAY, 100_000, 100_000, 100_000, 100_000, null, 0, 18, 1_000, 470, 20, 80_000);
    }

    private static List<String> failed(SpreadGuard.Inputs in) {
        return SpreadGuard.check(C, in).stream().filter(g -> !g.passed()).map(GateResult::reason).toList();
    }

    @Test
    void everythingPassesInsideTheLimits() {
        assertEquals(List.of(), failed(ok()));
        assertEquals(9, SpreadGuard.check(C, ok()).size());
    }

    @Test
    void eachLimitTripsWithItsReason() {
        SpreadGuard.Inputs b = ok();
        // daily $ stop: $2,000 lost since the previous decision
        assertEquals(List.of("daily $ stop: the equity fell $2000.00 since the previous decision"), failed(
                new SpreadGuard.Inputs(DAY, 98_000, 100_000, 100_000, 98_500, null, 0, 18, 1_000, 470, 20, 80_000)));
        // weekly % stop: 5% down on the week's start
        assertEquals(List.of("weekly % stop: the equity fell 5.00% this week"), failed(
                new SpreadGuard.Inputs(DAY, 95_000, 95_000, 95_000, 100_000, null, 0, 18, 1_000, 470, 20, 80_000)));
        // drawdown throttle: 20% under the peak
        assertEquals(List.of("drawdown throttle: 20.00% below the equity's peak $100000.00"), failed(
                new SpreadGuard.Inputs(DAY, 80_000, 100_000, 80_000, 80_000, null, 0, 18, 1_000, 470, 20, 60_000)));
        // cooldown: a stop 6 days ago (7 needed); 7 days ago passes
        assertEquals(List.of("cooldown: 6 of 7 days since the stop exit of 2024-04-27"), failed(
                new SpreadGuard.Inputs(DAY, 100_000, 100_000, 100_000, 100_000, DAY.minusDays(6), 0, 18, 1_000, 470, 20, 80_000)));
        assertEquals(List.of(), failed(
                new SpreadGuard.Inputs(DAY, 100_000, 100_000, 100_000, 100_000, DAY.minusDays(7), 0, 18, 1_000, 470, 20, 80_000)));
        // max trades per day: 2 already
        assertEquals(List.of("max trades per day: 2 today already"), failed(
                new SpreadGuard.Inputs(DAY, 100_000, 100_000, 100_000, 100_000, null, 2, 18, 1_000, 470, 20, 80_000)));
        // VIX/VXN ceiling 35
        assertEquals(List.of("VIX/VXN ceiling: the index is at 35.01"), failed(
                new SpreadGuard.Inputs(DAY, 100_000, 100_000, 100_000, 100_000, null, 0, 35.01, 1_000, 470, 20, 80_000)));
        // max open risk 10%: 9,600 + 470 > 10,000; 9,530 + 470 = 10,000 passes
        assertEquals(List.of("max open risk: $9600.00 open + $470.00 new exceeds 10.00% of the equity"), failed(
                new SpreadGuard.Inputs(DAY, 100_000, 100_000, 100_000, 100_000, null, 0, 18, 9_600, 470, 20, 80_000)));
        assertEquals(List.of(), failed(
                new SpreadGuard.Inputs(DAY, 100_000, 100_000, 100_000, 100_000, null, 0, 18, 9_530, 470, 20, 80_000)));
        // direction cap ±300 shares of delta
        assertEquals(List.of("direction cap: the options' net delta would be -301.00 shares"), failed(
                new SpreadGuard.Inputs(DAY, 100_000, 100_000, 100_000, 100_000, null, 0, 18, 1_000, 470, -301, 80_000)));
        // cash buffer 10% of the equity
        assertEquals(List.of("cash buffer: $9999.00 would stay free of collateral, under 10.00% of the equity"), failed(
                new SpreadGuard.Inputs(DAY, 100_000, 100_000, 100_000, 100_000, null, 0, 18, 1_000, 470, 20, 9_999)));
        assertEquals(List.of(), failed(b));
    }

    @Test
    void zeroTurnsTheOptionalLimitsOff() {
        SpreadConfig off = SpreadConfig.parse("QQQ", Map.of("dailyStop", "0", "weeklyStopPct", "0", "maxDrawdownPct", "0",
                "maxNetDelta", "0"), SpreadConfig.Mode.SPREADS);
        List<GateResult> g = SpreadGuard.check(off, new SpreadGuard.Inputs(DAY, 50_000, 100_000, 100_000, 100_000, null, 0, 18, 0,
                470, 5_000, 40_000));
        assertTrue(g.stream().allMatch(GateResult::passed), g.toString());
    }

    @Test
    void badSettingsAreRefusedWithWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpreadConfig.parse("QQQ", Map.of("closeDte", "21"), SpreadConfig.Mode.CONDOR));
        assertEquals("closeDte must be 0 or more and below minDte (got 21)", e.getMessage());
        assertEquals("shortDelta must be an |delta| above 0.01 and below 0.50 (got 0.6)", assertThrows(IllegalArgumentException.class,
                () -> SpreadConfig.parse("QQQ", Map.of("shortDelta", "0.6"), SpreadConfig.Mode.SPREADS)).getMessage());
        SpreadConfig condor = SpreadConfig.parse("QQQ", Map.of("maxCondors", "3"), SpreadConfig.Mode.CONDOR);
        assertEquals(3, condor.maxPositions());
        assertEquals(0.40, condor.profitTakePct());
        assertEquals(0.60, condor.stopLossPct());
    }
}
