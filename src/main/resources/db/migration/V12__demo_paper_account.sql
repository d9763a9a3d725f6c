-- Leverdesk schema, version 12: the paper account that trades the simulated DEMO market is its own
-- account. The built-in paper broker keeps it in these demo_paper_* tables, a copy of the paper_*
-- tables of versions 2 and 5, so simulated fills, cash and positions are never mixed with the paper account
-- that trades real prices (broker.paper.PaperBroker picks the tables by the market it is priced from).

CREATE TABLE demo_paper_account (
    id                INTEGER                  NOT NULL,
    starting_capital  DECIMAL(19, 4)           NOT NULL,
    cash              DECIMAL(19, 4)           NOT NULL,
    last_equity       DECIMAL(19, 4)           NOT NULL,
    market_open       BOOLEAN                  NOT NULL,
    next_order_number BIGINT                   NOT NULL,
    clock_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_demo_paper_account PRIMARY KEY (id),
    CONSTRAINT ck_demo_paper_account_single CHECK (id = 1),
    -- A cash account: cash never goes negative.
    CONSTRAINT ck_demo_paper_account_money CHECK (cash >= 0 AND starting_capital >= 0 AND next_order_number > 0)
);

-- Long positions only (the account cannot sell short); a flat symbol has no row.
CREATE TABLE demo_paper_positions (
    symbol       VARCHAR(32)    NOT NULL,
    quantity     DECIMAL(19, 6) NOT NULL,
    average_cost DECIMAL(19, 6) NOT NULL,
    CONSTRAINT pk_demo_paper_positions PRIMARY KEY (symbol),
    CONSTRAINT ck_demo_paper_positions_values CHECK (quantity > 0 AND average_cost >= 0)
);

CREATE TABLE demo_paper_orders (
    broker_order_id      VARCHAR(64)              NOT NULL,
    order_number         BIGINT                   NOT NULL,
    client_order_id      VARCHAR(128)             NOT NULL,
    symbol               VARCHAR(32)              NOT NULL,
    side                 VARCHAR(4)               NOT NULL,
    quantity             DECIMAL(19, 6)           NOT NULL,
    filled_quantity      DECIMAL(19, 6)           NOT NULL,
    filled_average_price DECIMAL(19, 6),
    order_type           VARCHAR(16)              NOT NULL,
    time_in_force        VARCHAR(8)               NOT NULL,
    limit_price          DECIMAL(19, 6),
    stop_price           DECIMAL(19, 6),
    status               VARCHAR(24)              NOT NULL,
    submitted_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    reject_reason        VARCHAR(2000),
    -- What a buy holds back from buying power per share while it is open; 0 for sells.
    reserve_price        DECIMAL(19, 6)           NOT NULL,
    stop_triggered       BOOLEAN                  NOT NULL,
    CONSTRAINT pk_demo_paper_orders PRIMARY KEY (broker_order_id),
    CONSTRAINT uq_demo_paper_orders_client_order_id UNIQUE (client_order_id),
    CONSTRAINT uq_demo_paper_orders_number UNIQUE (order_number),
    CONSTRAINT ck_demo_paper_orders_side CHECK (side IN ('BUY', 'SELL')),
    CONSTRAINT ck_demo_paper_orders_quantity CHECK (quantity > 0 AND filled_quantity >= 0 AND filled_quantity <= quantity),
    CONSTRAINT ck_demo_paper_orders_type CHECK (order_type IN ('MARKET', 'LIMIT', 'STOP', 'STOP_LIMIT',
                                                          'MARKET_ON_OPEN', 'MARKET_ON_CLOSE')),
    CONSTRAINT ck_demo_paper_orders_tif CHECK (time_in_force IN ('DAY', 'GTC', 'OPG', 'CLS', 'IOC', 'FOK')),
    CONSTRAINT ck_demo_paper_orders_status CHECK (status IN ('NEW', 'SUBMITTED', 'ACCEPTED', 'PARTIALLY_FILLED', 'FILLED',
                                                        'CANCELED', 'REJECTED', 'EXPIRED'))
);
CREATE INDEX ix_demo_paper_orders_status ON demo_paper_orders (status);

CREATE TABLE demo_paper_fills (
    fill_id         VARCHAR(64)              NOT NULL,
    broker_order_id VARCHAR(64)              NOT NULL,
    symbol          VARCHAR(32)              NOT NULL,
    side            VARCHAR(4)               NOT NULL,
    quantity        DECIMAL(19, 6)           NOT NULL,
    price           DECIMAL(19, 6)           NOT NULL,
    commission      DECIMAL(19, 4)           NOT NULL,
    filled_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_demo_paper_fills PRIMARY KEY (fill_id),
    CONSTRAINT fk_demo_paper_fills_order FOREIGN KEY (broker_order_id) REFERENCES demo_paper_orders (broker_order_id),
    CONSTRAINT ck_demo_paper_fills_values CHECK (side IN ('BUY', 'SELL') AND quantity > 0 AND price > 0 AND commission >= 0)
);
CREATE INDEX ix_demo_paper_fills_order ON demo_paper_fills (broker_order_id);

-- The latest quote per symbol (pushed, or derived from the latest daily bar), so positions keep
-- their value across a restart.
CREATE TABLE demo_paper_quotes (
    symbol    VARCHAR(32)              NOT NULL,
    bid       DOUBLE PRECISION         NOT NULL,
    ask       DOUBLE PRECISION         NOT NULL,
    last      DOUBLE PRECISION         NOT NULL,
    quoted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_demo_paper_quotes PRIMARY KEY (symbol),
    CONSTRAINT ck_demo_paper_quotes_values CHECK (bid > 0 AND ask >= bid AND last > 0
                                             AND ask < CAST('Infinity' AS DOUBLE PRECISION)
                                             AND last < CAST('Infinity' AS DOUBLE PRECISION))
);

-- Cash dividends paid on the demo account's positions (as paper_dividends of version 5).
CREATE TABLE demo_paper_dividends (
    symbol     VARCHAR(32)              NOT NULL,
    ex_date    DATE                     NOT NULL,
    per_share  DECIMAL(19, 6)           NOT NULL,
    quantity   DECIMAL(19, 6)           NOT NULL,
    amount     DECIMAL(19, 4)           NOT NULL,
    paid_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_demo_paper_dividends PRIMARY KEY (symbol, ex_date),
    CONSTRAINT ck_demo_paper_dividends_values CHECK (per_share > 0 AND quantity > 0 AND amount >= 0)
);
