-- Used by StoreKillDuringMigrationTest: the upgrade of a store made by db/pausing-v1, which can stop
-- half-way (leverdesk.test.pauseAt=v2) after its first change.
ALTER TABLE first_table ADD COLUMN note VARCHAR(20);
CALL pause_migration('v2');
CREATE TABLE third_table (id INT PRIMARY KEY);
INSERT INTO third_table VALUES (3);
