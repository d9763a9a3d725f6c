-- Options I on the paper broker: the paper account holds option contracts the way the simulated broker
-- of a backtest does (decision record 0011). What V2 refused and options need:
--  * a short option is a negative quantity (covered: the broker refuses a naked short before it exists);
--  * an option that expires worthless closes with a fill at $0 (the premium is its whole P&L);
--  * expiry, assignment and exercise are fills without an order of the account (no order row to refer to:
--    their broker_order_id is the event's own id, e.g. "assigned-20250117-QQQ250117P00480000");
--  * a far out-of-the-money option is quoted with a zero bid (nothing to sell into), and its mark may be 0.
-- Cash still never goes negative: a cash-secured put holds its strike in cash.
ALTER TABLE paper_positions DROP CONSTRAINT ck_paper_positions_values;
ALTER TABLE paper_positions ADD CONSTRAINT ck_paper_positions_values CHECK (quantity <> 0 AND average_cost >= 0);

ALTER TABLE paper_fills DROP CONSTRAINT fk_paper_fills_order;
ALTER TABLE paper_fills DROP CONSTRAINT ck_paper_fills_values;
ALTER TABLE paper_fills ADD CONSTRAINT ck_paper_fills_values
    CHECK (side IN ('BUY', 'SELL') AND quantity > 0 AND price >= 0 AND commission >= 0);

ALTER TABLE paper_quotes DROP CONSTRAINT ck_paper_quotes_values;
ALTER TABLE paper_quotes ADD CONSTRAINT ck_paper_quotes_values CHECK (bid >= 0 AND ask >= bid AND last >= 0
                                                                   AND ask < CAST('Infinity' AS DOUBLE PRECISION)
                                                                   AND last < CAST('Infinity' AS DOUBLE PRECISION));

-- Every option event of the paper account (journal and Options view): what happened at which close.
CREATE TABLE paper_option_events (
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
    CONSTRAINT pk_paper_option_events PRIMARY KEY (fill_id),
    CONSTRAINT ck_paper_option_events_kind CHECK (kind IN ('EXPIRED', 'ASSIGNED', 'EXERCISED', 'CASH_SETTLED')),
    CONSTRAINT ck_paper_option_events_values CHECK (contracts <> 0 AND strike > 0)
);

-- The store's own count (V11) also counts option contracts and the shares an assignment delivers: an
-- expiry, assignment or exercise is recorded as an adjustment keyed by its fill id (execution.OptionEventLedger).
ALTER TABLE position_adjustments ALTER COLUMN symbol SET DATA TYPE VARCHAR(32);
ALTER TABLE position_holds ALTER COLUMN symbol SET DATA TYPE VARCHAR(32);
