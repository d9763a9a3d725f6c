package org.leverdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Constraints of the V1 schema that no repository exercises yet (strategy versions, fills, snapshots). */
class SchemaTest {
    @TempDir
    Path dir;
    private Store store;

    @BeforeEach
    void open() {
        store = Store.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void sql(String... statements) throws SQLException {
        try (var c = store.connection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
        }
    }

    private SQLException rejected(String statement) {
        return assertThrows(SQLException.class, () -> sql(statement));
    }

    @Test
    void onlyOneVersionOfAStrategyCanBeActive() throws SQLException {
        sql("INSERT INTO strategy_configs VALUES ('s', 'S', CURRENT_TIMESTAMP)",
                "INSERT INTO strategy_versions (id, strategy_id, version, created_by, created_at, parameters_json, active)"
                        + " VALUES (1, 's', 1, 'user', CURRENT_TIMESTAMP, '{}', TRUE)",
                "INSERT INTO strategy_versions (id, strategy_id, version, parent_version_id, created_by, created_at,"
                        + " parameters_json, active) VALUES (2, 's', 2, 1, 'user', CURRENT_TIMESTAMP, '{\"a\":1}', FALSE)",
                "INSERT INTO strategy_versions (id, strategy_id, version, parent_version_id, created_by, created_at,"
                        + " parameters_json, active) VALUES (3, 's', 3, 2, 'user', CURRENT_TIMESTAMP, '{\"a\":2}', FALSE)");
        assertTrue(rejected("UPDATE strategy_versions SET active = TRUE WHERE id = 2").getMessage()
                .contains("UQ_STRATEGY_VERSIONS_ACTIVE"));
        // Switching the active version in one statement is fine.
        sql("UPDATE strategy_versions SET active = (id = 2)");
        assertTrue(rejected("INSERT INTO strategy_versions (id, strategy_id, version, created_by, created_at, parameters_json)"
                + " VALUES (10, 's', 2, 'user', CURRENT_TIMESTAMP, '{}')").getMessage().contains("UQ_STRATEGY_VERSIONS_NUMBER"));
        assertTrue(rejected("INSERT INTO strategy_versions (id, strategy_id, version, created_by, created_at, parameters_json)"
                + " VALUES (11, 's', 4, 'user', CURRENT_TIMESTAMP, 'not json')").getMessage().contains("CK_STRATEGY_VERSIONS_JSON"));
    }

    @Test
    void brokerFillIdsAreUniqueAndFillsNeedAnOrder() throws SQLException {
        sql("INSERT INTO orders (id, client_order_id, strategy_id, trading_day, leg, symbol, side, quantity, order_type,"
                + " time_in_force, status, created_at, updated_at) VALUES (1, 'c1', 's', DATE '2026-03-02', 'l', 'QQQ',"
                + " 'BUY', 10, 'MARKET', 'DAY', 'FILLED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                "INSERT INTO fills (order_id, broker_fill_id, quantity, price, filled_at) VALUES (1, 'f1', 10, 500.12,"
                        + " CURRENT_TIMESTAMP)");
        assertTrue(rejected("INSERT INTO fills (order_id, broker_fill_id, quantity, price, filled_at) VALUES (1, 'f1', 1,"
                + " 500, CURRENT_TIMESTAMP)").getMessage().contains("UQ_FILLS_BROKER_FILL_ID"));
        assertTrue(rejected("INSERT INTO fills (order_id, broker_fill_id, quantity, price, filled_at) VALUES (2, 'f2', 1,"
                + " 500, CURRENT_TIMESTAMP)").getMessage().contains("FK_FILLS_ORDER"));
    }

    @Test
    void limitOrdersNeedALimitPriceInTheSchemaToo() {
        assertTrue(rejected("INSERT INTO orders (client_order_id, strategy_id, trading_day, leg, symbol, side, quantity,"
                + " order_type, time_in_force, status, created_at, updated_at) VALUES ('c', 's', DATE '2026-03-02', 'l',"
                + " 'QQQ', 'BUY', 10, 'LIMIT', 'DAY', 'NEW', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").getMessage()
                .contains("CK_ORDERS_LIMIT"));
    }

    @Test
    void onePositionPerBrokerSymbolAndMoment() throws SQLException {
        sql("INSERT INTO position_snapshots VALUES (TIMESTAMP WITH TIME ZONE '2026-03-02 21:00:00+00', 'paper', 'TQQQ',"
                + " 120, 51.255, 6150.6)");
        assertEquals(23505, rejected("INSERT INTO position_snapshots VALUES (TIMESTAMP WITH TIME ZONE"
                + " '2026-03-02 21:00:00+00', 'paper', 'TQQQ', 1, 1, 1)").getErrorCode());
    }
}
