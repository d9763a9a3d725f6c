package org.leverdesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/** The connections to the store's database file: one kept open for the store's lifetime, and a pool. */
record LiveDatabase(Connection keeper, JdbcConnectionPool pool) {
    private static final int MAX_CONNECTIONS = 8;

    /**
     * Connects to {@code <dir>/leverdesk.mv.db}, which must exist (IFEXISTS: a file that vanished is an
     * error, never silently a new empty store).
     */
    static LiveDatabase open(Path dir, StoreBackups backups) {
        // WRITE_DELAY=0: H2 otherwise writes a commit to the file up to 500 ms later, so a process killed in
        // that window loses it - e.g. an order intent recorded just before the order was sent.
        // FILE_LOCK=NO: the StoreLock keeps other Leverdesk processes out, and H2's MVStore holds an OS lock on
        // the .mv.db itself (another process, an older Leverdesk or an H2 tool, gets "already in use"). H2's
        // FILE lock added nothing but a 2-4 s wait at every start after a kill, to decide its lock file was stale.
        String url = "jdbc:h2:file:" + dir.resolve(Store.DATABASE_NAME) + ";FILE_LOCK=NO;WRITE_DELAY=0;IFEXISTS=TRUE";
        Connection keeper;
        try {
            keeper = DriverManager.getConnection(url, Store.USER, "");
        } catch (SQLException e) {
            throw openFailure(dir, e, backups);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, Store.USER, "");
        pool.setMaxConnections(MAX_CONNECTIONS);
        return new LiveDatabase(keeper, pool);
    }

    private static StoreException openFailure(Path dir, SQLException e, StoreBackups backups) {
        if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            // An older Leverdesk (before the store lock) has it open.
            return new StoreLockedException(dir, e);
        }
        Path file = dir.resolve(Store.DATABASE_NAME + ".mv.db");
        if (e.getErrorCode() == ErrorCode.FILE_VERSION_ERROR_1) {
            return new StoreException("the Leverdesk store " + file + " was written by an incompatible database version;"
                    + " move it aside (Leverdesk starts with an empty store) or pass a different --data-dir", e);
        }
        return new StoreException("cannot open the Leverdesk store " + file + " (" + Store.reason(e) + "); if it is damaged, "
                + backups.advice(), e);
    }

    /** True when no table but Flyway's history holds a row: nothing a person made is in the file. */
    boolean holdsNoRows() {
        try (Statement s = keeper.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                    + " AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM PUBLIC.\"" + table.replace("\"", "\"\"") + "\"")) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        return false;
                    }
                }
            }
            return true;
        } catch (SQLException e) {
            return false; // cannot tell: treat it as holding data
        }
    }

    /** Closes the database file completely (every connection), so it can be copied or replaced. */
    void shutdown() {
        try (Statement s = keeper.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // Already closed; the connections below go either way.
        }
        close();
    }

    void close() {
        pool.dispose();
        try {
            keeper.close();
        } catch (SQLException ignored) {
            // the database is closed or going; nothing is left to release
        }
    }
}
