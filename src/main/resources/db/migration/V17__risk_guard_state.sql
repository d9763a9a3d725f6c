-- The RiskGuard's memory per strategy (issue 16 §3): the equity bases of the daily and weekly stops, the peak of
-- the drawdown throttle, the last stop exit (the cooldown), today's trades, the symbols opened today and recent
-- day trades. Written after each run, so a restart keeps the stops, the cooldown and the day-trade count.
CREATE TABLE risk_guard_state (
    strategy_id       VARCHAR(64)              NOT NULL,
    last_day          DATE                     NOT NULL,
    last_equity       DECIMAL(20, 4)           NOT NULL,
    previous_equity   DECIMAL(20, 4)           NOT NULL,
    peak_equity       DECIMAL(20, 4)           NOT NULL,
    week_start_equity DECIMAL(20, 4)           NOT NULL,
    last_stop         DATE,
    trades_today      INT                      NOT NULL,
    opened_today      VARCHAR(4000)            NOT NULL,
    day_trades        VARCHAR(4000)            NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_risk_guard_state PRIMARY KEY (strategy_id)
);
