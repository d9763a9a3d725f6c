-- Used by StoreTest: a migration that fails half-way.
CREATE TABLE fine (id INT PRIMARY KEY);
INSERT INTO no_such_table VALUES (1);
