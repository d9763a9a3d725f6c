-- Used by StoreKillDuringMigrationTest: a migration that can stop between two statements (in a child
-- JVM that sets leverdesk.test.pauseAt=v1), so the test kills the process half-way through it.
CREATE TABLE first_table (id INT PRIMARY KEY, name VARCHAR(20));
CREATE ALIAS pause_migration FOR 'org.leverdesk.store.MigrationPause.pause';
CALL pause_migration('v1');
CREATE TABLE second_table (id INT PRIMARY KEY);
