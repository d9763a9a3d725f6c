-- The one decision engine (backtests, paper and live trade through the same cycle).
-- Cash dividends the paper broker paid on its positions, one row per symbol and ex-date: the key makes a
-- dividend paid at most once, whatever restarts happen between its open and its close.
CREATE TABLE paper_dividends (
    symbol     VARCHAR(32)              NOT NULL,
    ex_date    DATE                     NOT NULL,
    per_share  DECIMAL(19, 6)           NOT NULL,
    quantity   DECIMAL(19, 6)           NOT NULL,
    amount     DECIMAL(19, 4)           NOT NULL,
    paid_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_paper_dividends PRIMARY KEY (symbol, ex_date),
    CONSTRAINT ck_paper_dividends_values CHECK (per_share > 0 AND quantity > 0 AND amount >= 0)
);

-- What a saved backtest received in dividends (the equity curve already includes them).
CREATE TABLE backtest_dividends (
    run_id     BIGINT         NOT NULL,
    seq        INTEGER        NOT NULL,
    ex_date    DATE           NOT NULL,
    symbol     VARCHAR(32)    NOT NULL,
    shares     BIGINT         NOT NULL,
    per_share  DOUBLE PRECISION NOT NULL,
    amount     DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_backtest_dividends PRIMARY KEY (run_id, seq),
    CONSTRAINT fk_backtest_dividends_run FOREIGN KEY (run_id) REFERENCES backtest_runs (id) ON DELETE CASCADE
);
