-- The demo paper account (V12, the account that trades the simulated DEMO market) holds options the way
-- the paper account does since V14: the same constraint changes on its demo_paper_* tables, and its own
-- option events table.
ALTER TABLE demo_paper_positions DROP CONSTRAINT ck_demo_paper_positions_values;
ALTER TABLE demo_paper_positions ADD CONSTRAINT ck_demo_paper_positions_values CHECK (quantity <> 0 AND average_cost >= 0);

ALTER TABLE demo_paper_fills DROP CONSTRAINT fk_demo_paper_fills_order;
ALTER TABLE demo_paper_fills DROP CONSTRAINT ck_demo_paper_fills_values;
ALTER TABLE demo_paper_fills ADD CONSTRAINT ck_demo_paper_fills_values
    CHECK (side IN ('BUY', 'SELL') AND quantity > 0 AND price >= 0 AND commission >= 0);

ALTER TABLE demo_paper_quotes DROP CONSTRAINT ck_demo_paper_quotes_values;
ALTER TABLE demo_paper_quotes ADD CONSTRAINT ck_demo_paper_quotes_values CHECK (bid >= 0 AND ask >= bid AND last >= 0
                                                                   AND ask < CAST('Infinity' AS DOUBLE PRECISION)
                                                                   AND last < CAST('Infinity' AS DOUBLE PRECISION));

CREATE TABLE demo_paper_option_events (
    fill_id          VARCHAR(64)              NOT NULL,
    kind             VARCHAR(16)              NOT NULL,
    expiry_day       DATE                     NOT NULL,
    option_symbol    VARCHAR(32)              NOT NULL,
    underlying       VARCHAR(16)              NOT NULL,
    contracts        DECIMAL(19, 6)           NOT NULL,
    shares           DECIMAL(19, 6)           NOT NULL,
    strike           DECIMAL(19, 6)           NOT NULL,
    underlying_close DOUBLE PRECISION         NOT NULL,
    cash             DECIMAL(19, 4)           NOT NULL,
    share_fill_id    VARCHAR(80),
    happened_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_demo_paper_option_events PRIMARY KEY (fill_id),
    CONSTRAINT ck_demo_paper_option_events_kind CHECK (kind IN ('EXPIRED', 'ASSIGNED', 'EXERCISED', 'CASH_SETTLED')),
    CONSTRAINT ck_demo_paper_option_events_values CHECK (contracts <> 0 AND strike > 0)
);
