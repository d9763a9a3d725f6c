-- Used by StoreTest: an upgrade of a db/pausing-v1 store that fails after its first change.
CREATE TABLE fine (id INT PRIMARY KEY);
INSERT INTO no_such_table VALUES (1);
