package org.leverdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the store's schema so that a kill at any moment leaves either the old store or
 * the new one, never a half-migrated file: the migrations run on a work copy
 * ({@code leverdesk-upgrade.mv.db}), which is closed, forced to disk and renamed over
 * {@code leverdesk.mv.db} in one step only once every migration succeeded. A left-over work copy is
 * the trace of a killed attempt and is deleted. The caller holds the {@link StoreLock} and has the
 * store itself closed.
 */
final class SchemaUpgrade {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaUpgrade.class);
    static final String WORK_NAME = "leverdesk-upgrade";

    private final Path dir;
    private final Migrations migrations;
    private final StoreBackups backups;

    SchemaUpgrade(Path dir, Migrations migrations, StoreBackups backups) {
        this.dir = dir;
        this.migrations = migrations;
        this.backups = backups;
    }

    private Path live() {
        return dir.resolve(Store.DATABASE_NAME + ".mv.db");
    }

    private Path work() {
        return dir.resolve(WORK_NAME + ".mv.db");
    }

    /** Deletes what a killed create, upgrade, restore or backup left behind. */
    void removeLeftovers() {
        for (String name : List.of(WORK_NAME, StoreMaintenance.RESTORE_NAME)) {
            for (String suffix : List.of(".mv.db", ".lock.db", ".trace.db", ".mv.db.tempFile")) {
                StoreFiles.deleteQuietly(dir.resolve(name + suffix));
            }
        }
        backups.removeUnfinished();
    }

    /** Builds a new store with the whole schema and moves it into place. */
    void create() {
        try {
            migrateWorkCopy();
            StoreFiles.moveIntoPlace(work(), live());
        } catch (FlywayException | IOException | SQLException e) {
            StoreFiles.deleteQuietly(work());
            throw new StoreException("the new Leverdesk store at " + dir + " could not be created ("
                    + Store.migrationReason(e) + "); nothing was written; pass a different --data-dir", e);
        }
        LOG.info("store {} created with the whole schema", dir);
    }

    /**
     * Backs the store up, then brings a copy of it from {@code state} to the newest schema and puts the
     * copy in its place; returns the backup. When a migration fails the store stays as it was.
     */
    StoreBackup upgrade(Migrations.State state) {
        StoreBackup backup = backups.ofFile(live(), "before-v" + state.target());
        try {
            Files.copy(live(), work(), StandardCopyOption.REPLACE_EXISTING);
            migrateWorkCopy();
            StoreFiles.moveIntoPlace(work(), live());
        } catch (FlywayException | IOException | SQLException e) {
            StoreFiles.deleteQuietly(work());
            throw new UpgradeFailed("the Leverdesk store at " + dir + " could not be upgraded to this version's schema ("
                    + Store.migrationReason(e) + "); it was left as it was (schema version " + state.shownVersion()
                    + ", a copy is in " + backup.file() + "); pass a different --data-dir, or use the Leverdesk version"
                    + " that made it", e);
        }
        LOG.info("store {} upgraded from schema version {} to {} (backup {})", dir, state.shownVersion(), state.target(),
                backup.file().getFileName());
        return backup;
    }

    /**
     * Replaces a store that holds no rows but cannot be used (its schema was left half-made by an older
     * Leverdesk killed during its first start) by a new one; the old file goes to the backups first.
     */
    StoreBackup rebuild() {
        StoreBackup backup = backups.ofFile(live(), "unusable");
        create();
        LOG.warn("store {} held no data but its schema was unusable; it was created again (the old file is {})", dir,
                backup.file());
        return backup;
    }

    private void migrateWorkCopy() throws SQLException {
        JdbcDataSource source = new JdbcDataSource();
        // No H2 file lock: the StoreLock keeps everybody else out, and nothing else knows this file.
        source.setURL("jdbc:h2:file:" + dir.resolve(WORK_NAME) + ";FILE_LOCK=NO;TRACE_LEVEL_FILE=0");
        source.setUser(Store.USER);
        int ran = migrations.migrate(source);
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            // Closes the database and writes everything to the file before it is renamed.
            s.execute("SHUTDOWN");
        }
        LOG.debug("{} migrations ran on the work copy in {}", ran, dir);
    }

    /** A migration failed on the copy; the store in use was not touched. */
    static final class UpgradeFailed extends StoreException {
        UpgradeFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
