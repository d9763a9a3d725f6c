package org.leverdesk.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.riskguard.RiskGuardStatus;
import org.leverdesk.ui.TestTaskExecutor;

/** The Dashboard's RiskGuard banner (the strictest level, each strategy's headline) and its gauges. */
class DashboardGuardViewModelTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void theBannerShowsTheStrictestLevelAndTheGaugesEachLimitsUse() {
        DashboardViewModel vm = new DashboardViewModel(DashboardGuardSamples::guarded, new TestTaskExecutor(), NEW_YORK);
        vm.refresh();
        assertEquals(RiskGuardStatus.Level.HALTED, vm.guardLevelProperty().get());
        assertEquals("RiskGuard HALTED — spreads: HALTED by the daily $ stop: no new position, exits only · condor: cooling"
                + " down until 2026-11-24 after the stop exit of 2026-11-17", vm.guardBannerProperty().get());
        DashboardViewModel.GuardGauge daily = vm.guardGauges().get(0);
        assertEquals(new DashboardViewModel.GuardGauge("spreads", "Daily $ stop", 1.0, "$2,100.00 of $2,000.00", true), daily);
        DashboardViewModel.GuardGauge week = vm.guardGauges().get(1);
        assertEquals("3.07% of 5.00%", week.text());
        assertEquals(3_100 / 101_000.0 / 0.05, week.fraction(), 1e-9);
        DashboardViewModel.GuardGauge trades = vm.guardGauges().stream()
                .filter(g -> g.strategyId().equals("spreads") && g.name().equals("Trades today")).findFirst().orElseThrow();
        assertEquals(0.5, trades.fraction());
        DashboardViewModel.GuardGauge cooldown = vm.guardGauges().stream()
                .filter(g -> g.strategyId().equals("condor") && g.name().equals("Cooldown")).findFirst().orElseThrow();
        assertEquals("until 2026-11-24", cooldown.text());
        assertEquals(3 / 7.0, cooldown.fraction(), 1e-9);
        DashboardViewModel.GuardGauge risk = vm.guardGauges().stream()
                .filter(g -> g.strategyId().equals("spreads") && g.name().equals("Open risk")).findFirst().orElseThrow();
        assertEquals("$1,100.00 = 1.12% of $97,900.00 equity; limit 10.00% = $9,790.00", risk.text());
        assertEquals(1100 / 9790.0, risk.fraction(), 1e-9);
        DashboardViewModel.GuardGauge delta = vm.guardGauges().stream()
                .filter(g -> g.strategyId().equals("condor") && g.name().equals("Net delta")).findFirst().orElseThrow();
        assertEquals("-181.0 shares of ±300", delta.text());
        assertEquals(181 / 300.0, delta.fraction(), 1e-9);
        // day trades are not counted from $25,000 of equity: no gauge
        assertTrue(vm.guardGauges().stream().noneMatch(g -> g.name().startsWith("Day trades")));
    }

    @Test
    void noEnabledStrategyNoBanner() {
        DashboardViewModel vm = new DashboardViewModel(DashboardSamples::paperAccount, new TestTaskExecutor(), NEW_YORK);
        vm.refresh();
        assertEquals("", vm.guardBannerProperty().get());
        assertEquals(List.of(), vm.guardGauges());
        assertEquals(RiskGuardStatus.Level.OK, vm.guardLevelProperty().get());
    }
}
