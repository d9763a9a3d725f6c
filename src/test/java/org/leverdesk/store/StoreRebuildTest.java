package org.leverdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores that an older Leverdesk left half-made, by migrating the file in use when it was killed or a
 * migration failed: one that holds no rows is made again (the old file kept as a backup), one that holds
 * any row is never touched, and its message says honestly that there is no backup.
 */
class StoreRebuildTest {
    @TempDir
    Path dir;

    /** What the old code left: the failed migration's first table and Flyway's history of the failure, in the file itself. */
    private JdbcDataSource halfMadeStore() {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + dir.resolve("leverdesk"));
        source.setUser(Store.USER);
        assertThrows(FlywayException.class, () -> Flyway.configure().dataSource(source)
                .locations("classpath:db/broken-migration").load().migrate());
        return source;
    }

    @Test
    void aHalfMadeStoreWithoutRowsIsMadeAgainAndTheOldFileKept() {
        halfMadeStore();
        try (Store store = Store.open(dir)) {
            int applied = store.read("history", c -> {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertTrue(applied >= 4, "applied: " + applied);
        }
        List<StoreBackup> backups = new StoreBackups(dir, BackupPolicy.defaults(), java.time.Clock.systemUTC()).list();
        assertEquals(List.of("unusable"), backups.stream().map(StoreBackup::reason).toList());
    }

    @Test
    void aHalfMadeStoreThatHoldsARowIsLeftAloneWithAnHonestMessage() throws Exception {
        JdbcDataSource source = halfMadeStore();
        try (Connection c = source.getConnection()) {
            c.createStatement().executeUpdate("INSERT INTO fine VALUES (1)");
        }
        StoreException e = assertThrows(StoreException.class, () -> Store.open(dir));
        assertTrue(e.getMessage().startsWith("the Leverdesk store at " + dir + " does not match this version's schema ("
                + "Detected failed migration to version 1 (broken)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("); move it aside (no backup of it exists in " + dir.resolve("backups")
                + ") or pass a different --data-dir"), e.getMessage());
        try (Connection c = source.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM fine")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the store was changed");
        }
    }
}
