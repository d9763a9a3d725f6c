package org.leverdesk.execution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.riskguard.GuardLimits;
import org.leverdesk.riskguard.GuardState;
import org.leverdesk.riskguard.GuardStates;
import org.leverdesk.riskguard.RiskGuardStatus;
import org.leverdesk.riskguard.RiskGuardStatusProvider;

/**
 * The RiskGuard's status of each configured strategy, from the state the decision cycle keeps (the same store
 * rows, the same limits): one service behind the Dashboard, the CLI's {@code guard} and the Options view.
 */
public final class GuardStatusService implements RiskGuardStatusProvider {
    private final GuardStates states;
    private final Map<String, GuardLimits> limits;
    private final TradingCalendar calendar;
    private final Clock clock;

    /** @param limits each configured strategy's limits by id, in the order shown */
    public GuardStatusService(GuardStates states, Map<String, GuardLimits> limits, TradingCalendar calendar, Clock clock) {
        this.states = states;
        this.limits = new LinkedHashMap<>(limits);
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public List<RiskGuardStatus> statuses() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), NyseCalendar.ZONE);
        List<RiskGuardStatus> out = new ArrayList<>();
        limits.forEach((id, l) -> {
            GuardState s = states.load(id);
            out.add(RiskGuardStatus.of(id, l, s, today, GuardCheck.dayTradesInWindow(calendar, s, today)));
        });
        return out;
    }
}
