package org.leverdesk.riskguard;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where the RiskGuard's memory lives: the store for paper and live trading (survives a restart), memory in a backtest. */
public interface GuardStates {
    /** The strategy's state, {@link GuardState#EMPTY} when none was kept. */
    GuardState load(String strategyId);

    void save(String strategyId, GuardState state);

    /** Kept in memory only, starting empty (backtests, dry tools). */
    static GuardStates inMemory() {
        Map<String, GuardState> states = new ConcurrentHashMap<>();
        return new GuardStates() {
            @Override
            public GuardState load(String strategyId) {
                return states.getOrDefault(strategyId, GuardState.EMPTY);
            }

            @Override
            public void save(String strategyId, GuardState state) {
                states.put(strategyId, state);
            }
        };
    }
}
