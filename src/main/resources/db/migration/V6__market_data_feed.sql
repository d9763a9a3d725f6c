-- Market-data feed (issue 12): a bar is final, or provisional (today's session so far, built at a
-- decision minute and replaced by the final bar on the next refresh after the close). Where each bar
-- came from is kept so the Data view can say so.
ALTER TABLE bars ADD COLUMN provisional BOOLEAN DEFAULT FALSE NOT NULL;
-- For a provisional bar: the time of the latest trade it holds (its close); null for final bars.
ALTER TABLE bars ADD COLUMN as_of TIMESTAMP WITH TIME ZONE;
-- 'csv', 'alpaca-iex', 'alpaca-sip', 'csv-folder', ...; null for bars stored before V6.
ALTER TABLE bars ADD COLUMN source VARCHAR(40);
ALTER TABLE bars ADD CONSTRAINT ck_bars_provisional CHECK (provisional = (as_of IS NOT NULL));
