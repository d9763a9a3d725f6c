-- Options I: OCC option symbols ("QQQ   250117P00480000", 21 characters) are stored wherever a traded
-- symbol is: orders and their intents, backtest fills and round trips, position snapshots. 32 like the
-- paper broker's tables (V2) and the decision tables (V5).
ALTER TABLE orders ALTER COLUMN symbol SET DATA TYPE VARCHAR(32);
ALTER TABLE backtest_fills ALTER COLUMN symbol SET DATA TYPE VARCHAR(32);
ALTER TABLE backtest_round_trips ALTER COLUMN symbol SET DATA TYPE VARCHAR(32);
ALTER TABLE position_snapshots ALTER COLUMN symbol SET DATA TYPE VARCHAR(32);
