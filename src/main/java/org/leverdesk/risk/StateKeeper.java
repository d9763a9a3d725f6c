package org.leverdesk.risk;

/** Where the trading state lives: the store for paper and live trading (it survives restarts), memory in a backtest. */
public interface StateKeeper {
    /** The current state, ACTIVE when never set. */
    TradingState load();

    void save(TradingState state, String reason);

    /** A state kept in memory only, starting ACTIVE (backtests, dry tools). */
    static StateKeeper inMemory() {
        return new StateKeeper() {
            private volatile TradingState state = TradingState.ACTIVE;

            @Override
            public TradingState load() {
                return state;
            }

            @Override
            public void save(TradingState s, String reason) {
                state = s;
            }
        };
    }
}
