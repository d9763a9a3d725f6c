package org.leverdesk.execution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.riskguard.GuardLimits;
import org.leverdesk.riskguard.GuardState;
import org.leverdesk.riskguard.GuardStates;
import org.leverdesk.riskguard.RiskGuardStatus;
import org.leverdesk.riskguard.OptionExposure;
import org.leverdesk.riskguard.RiskGuardStatusProvider;
import org.slf4j.LoggerFactory;

/**
 * The RiskGuard's status of each configured strategy, from the state the decision cycle keeps (the same store
 * rows, the same limits): one service behind the Dashboard, the CLI's {@code guard} and the Options view.
 */
public final class GuardStatusService implements RiskGuardStatusProvider {
    private final GuardStates states;
    private final Map<String, GuardLimits> limits;
    private final TradingCalendar calendar;
    private final Clock clock;
    private final Supplier<OptionExposure> exposure;

    /** @param limits each configured strategy's limits by id, in the order shown */
    public GuardStatusService(GuardStates states, Map<String, GuardLimits> limits, TradingCalendar calendar, Clock clock) {
        this(states, limits, calendar, clock, null);
    }

    /**
     * @param exposure the account's open option risk and net delta, read once per call and shown as gauges of the
     *                 strategies whose open-risk or direction limit is on; null (or a failing read, logged): none
     */
    public GuardStatusService(GuardStates states, Map<String, GuardLimits> limits, TradingCalendar calendar, Clock clock,
                              Supplier<OptionExposure> exposure) {
        this.states = states;
        this.limits = new LinkedHashMap<>(limits);
        this.calendar = calendar;
        this.clock = clock;
        this.exposure = exposure;
    }

    @Override
    public List<RiskGuardStatus> statuses() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), NyseCalendar.ZONE);
        List<RiskGuardStatus> out = new ArrayList<>();
        OptionExposure e = limits.values().stream().anyMatch(GuardStatusService::measuresExposure) ? readExposure() : null;
        limits.forEach((id, l) -> {
            GuardState s = states.load(id);
            RiskGuardStatus status = RiskGuardStatus.of(id, l, s, today, GuardCheck.dayTradesInWindow(calendar, s, today));
            out.add(e != null && measuresExposure(l) ? status.withExposure(e) : status);
        });
        return out;
    }

    private static boolean measuresExposure(GuardLimits l) {
        return l.maxRiskPct() < 1 || l.maxNetDelta() > 0;
    }

    private OptionExposure readExposure() {
        if (exposure == null) {
            return null;
        }
        try {
            return exposure.get();
        } catch (RuntimeException ex) {
            // the broker or the chain could not be read: the stored gauges still show
            LoggerFactory.getLogger(GuardStatusService.class).warn("open risk and net delta not shown: {}", ex.getMessage());
            return null;
        }
    }
}
