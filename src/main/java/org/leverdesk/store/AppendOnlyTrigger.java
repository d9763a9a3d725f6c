package org.leverdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 row trigger that rejects every UPDATE and DELETE on an append-only table (the journal).
 * The schema names this class, so renaming or moving it needs a migration.
 */
public final class AppendOnlyTrigger implements Trigger {
    private String table = "table";

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        table = tableName.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("the " + table + " is append-only: rows cannot be changed or deleted", "45000");
    }
}
