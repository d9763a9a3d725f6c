-- Leverdesk schema, version 3: the account's trading state (the kill switch). Risk denials and
-- reconciliation differences are journal entries (kinds "risk-denied", "reconcile"), so they stay
-- append-only with everything else that happened.

-- One row: ACTIVE trades normally, REDUCING only lets position-reducing orders pass, HALTED (the kill
-- switch) only lets cancels and closing orders pass. A missing row means ACTIVE.
CREATE TABLE trading_state (
    id         INTEGER                  NOT NULL,
    state      VARCHAR(16)              NOT NULL,
    reason     VARCHAR(2000)            NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_trading_state PRIMARY KEY (id),
    CONSTRAINT ck_trading_state_single CHECK (id = 1),
    CONSTRAINT ck_trading_state_state CHECK (state IN ('ACTIVE', 'REDUCING', 'HALTED'))
);
