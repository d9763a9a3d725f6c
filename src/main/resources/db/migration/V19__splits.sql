-- Stock splits (decision record 0018, README "Splits on the paper account"). The store's bars and the feed are
-- split-adjusted, so a split is no event in them; the paper account's shares, average costs and open orders
-- are not, and change on the ex-date.

-- Every known split, from Alpaca's corporate actions or entered by hand ('leverdesk data split'), one per symbol
-- and ex-date. bars_adjusted: the store's bars before the ex-date were divided by the ratio (once, in the same
-- transaction that set it), so the stored series stays split-adjusted and the feed's next bars do not jump.
CREATE TABLE splits (
    symbol        VARCHAR(16)              NOT NULL,
    ex_date       DATE                     NOT NULL,
    new_shares    DECIMAL(19, 6)           NOT NULL,
    old_shares    DECIMAL(19, 6)           NOT NULL,
    source        VARCHAR(16)              NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    bars_adjusted BOOLEAN                  NOT NULL,
    CONSTRAINT pk_splits PRIMARY KEY (symbol, ex_date),
    CONSTRAINT ck_splits_ratio CHECK (new_shares > 0 AND old_shares > 0 AND new_shares <> old_shares)
);

-- The splits the paper account applied, one row per symbol and ex-date: the key makes a split applied at most
-- once, whatever restarts happen (written in the same transaction as the positions and orders it changed).
CREATE TABLE paper_splits (
    symbol          VARCHAR(32)              NOT NULL,
    ex_date         DATE                     NOT NULL,
    ratio           VARCHAR(32)              NOT NULL,
    quantity_before DECIMAL(19, 6)           NOT NULL,
    quantity_after  DECIMAL(19, 6)           NOT NULL,
    cash_in_lieu    DECIMAL(19, 4)           NOT NULL,
    orders_adjusted INTEGER                  NOT NULL,
    applied_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_paper_splits PRIMARY KEY (symbol, ex_date),
    CONSTRAINT ck_paper_splits_values CHECK (quantity_before >= 0 AND quantity_after >= 0 AND cash_in_lieu >= 0
                                             AND orders_adjusted >= 0)
);

-- The same for the account that trades the simulated demo market (its tables mirror paper_*; it never holds a
-- real split, but the paper broker's store code is one for both).
CREATE TABLE demo_paper_splits (
    symbol          VARCHAR(32)              NOT NULL,
    ex_date         DATE                     NOT NULL,
    ratio           VARCHAR(32)              NOT NULL,
    quantity_before DECIMAL(19, 6)           NOT NULL,
    quantity_after  DECIMAL(19, 6)           NOT NULL,
    cash_in_lieu    DECIMAL(19, 4)           NOT NULL,
    orders_adjusted INTEGER                  NOT NULL,
    applied_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_demo_paper_splits PRIMARY KEY (symbol, ex_date)
);
