package org.leverdesk.ui.dashboard;

import java.time.LocalDate;
import java.util.List;
import org.leverdesk.riskguard.GuardLimits;
import org.leverdesk.riskguard.GuardState;
import org.leverdesk.riskguard.RiskGuardStatus;

/** The paper account of {@link DashboardSamples} with two option strategies under the RiskGuard, hand-checked. */
final class DashboardGuardSamples {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private DashboardGuardSamples() {
    }

    /**
     * spreads: $97,900 after $100,000 yesterday: $2,100 lost ≥ the $2,000 daily stop (HALTED); week start $101,000:
     * 3.07% of 5%; peak $102,000: 4.02% of 20%; 1 of 2 trades. condor: a stop on 2026-11-17, 7 days' cooldown until
     * 2026-11-24 (3 of 7 days). The account: $1,100 of open risk of 10% × $97,900 = $9,790; net delta −181 of ±300.
     */
    static List<RiskGuardStatus> statuses() {
        GuardLimits l = GuardLimits.seed003();
        GuardState spreads = new GuardState(TODAY, 97_900, 100_000, 102_000, 101_000, null, 1, List.of(), List.of());
        GuardState condor = new GuardState(TODAY, 50_000, 50_000, 50_000, 50_000, TODAY.minusDays(3), 0, List.of(), List.of());
        // the account's option exposure, as GuardStatusService adds it: $1,100 open risk, net delta −181 shares
        org.leverdesk.riskguard.OptionExposure e = new org.leverdesk.riskguard.OptionExposure(1100, -181.0, 97_900);
        return List.of(RiskGuardStatus.of("spreads", l, spreads, TODAY, 0).withExposure(e),
                RiskGuardStatus.of("condor", l, condor, TODAY, 0).withExposure(e));
    }

    static DashboardSnapshot guarded() {
        return DashboardSamples.paperAccount().withGuard(statuses());
    }
}
