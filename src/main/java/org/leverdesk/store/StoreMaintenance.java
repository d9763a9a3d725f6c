package org.leverdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code leverdesk store check|backup|restore} work on a store that no process has open: each
 * takes the store's lock first, so it never reads or replaces a file another Leverdesk is using.
 */
public final class StoreMaintenance {
    private static final Logger LOG = LoggerFactory.getLogger(StoreMaintenance.class);
    static final String RESTORE_NAME = "leverdesk-restore";

    private final Path dir;
    private final StoreBackups backups;
    private final Migrations migrations;

    StoreMaintenance(Path dataDir, BackupPolicy policy, Clock clock, String... migrationLocations) {
        this.dir = Store.checkedFolder(dataDir);
        this.backups = new StoreBackups(dir, policy, clock);
        this.migrations = new Migrations(migrationLocations);
    }

    /** Maintenance of the store in {@code dataDir} with the backup policy from the environment. */
    public static StoreMaintenance of(Path dataDir) {
        return new StoreMaintenance(dataDir, BackupPolicy.fromEnvironment(System.getenv()), Clock.systemUTC(),
                Store.DEFAULT_MIGRATIONS);
    }

    private Path live() {
        return dir.resolve(Store.DATABASE_NAME + ".mv.db");
    }

    /** Sizes, schema version, integrity and backups; the schema and integrity only when no other process has the store. */
    public StoreReport check() {
        Path file = live();
        boolean exists = Files.exists(file);
        StoreReport.SchemaState schema = null;
        String problem = null;
        StoreIntegrity integrity = null;
        boolean inUse = false;
        if (exists) {
            try (StoreLock lock = StoreLock.acquire(dir)) {
                LiveDatabase db = LiveDatabase.open(dir, backups);
                try {
                    Migrations.State state = migrations.inspect(db.pool());
                    schema = new StoreReport.SchemaState(state.shownVersion(), state.applied(), state.pending());
                    integrity = StoreIntegrity.scan(db.keeper());
                } catch (FlywayException e) {
                    problem = "its schema does not match this version's (" + Store.migrationReason(e) + "); "
                            + backups.advice();
                } catch (SQLException e) {
                    problem = "it could not be read (" + Store.reason(e) + "); " + backups.advice();
                } finally {
                    db.close();
                }
            } catch (StoreLockedException e) {
                inUse = true;
            } catch (StoreException e) {
                problem = e.getMessage();
            }
        }
        return new StoreReport(file, exists, StoreFiles.size(file), inUse, schema, problem, integrity, backups.directory(),
                backups.list(), backups.policy());
    }

    /** Backs the store up now; refused while another process has it open (that process keeps its own backups). */
    public StoreBackup backup() {
        try (StoreLock lock = lock("back it up")) {
            if (!Files.exists(live())) {
                throw new StoreException("there is no Leverdesk store in " + dir + " yet; nothing to back up");
            }
            return backups.ofFile(live(), "manual");
        }
    }

    /**
     * Puts back {@code which} (a backup's file name in the backups folder, or a path to a backup zip; null for
     * the newest backup) after checking that it opens and its schema history is sound; the store it replaces
     * is saved as a {@code before-restore} backup first. Refused while another process has the store open.
     */
    public Restored restore(String which) {
        try (StoreLock lock = lock("restore it")) {
            StoreBackup source = choose(which);
            Path candidate = dir.resolve(RESTORE_NAME + ".mv.db");
            try {
                StoreBackups.extract(source.file(), candidate);
                Migrations.State state = verify(source, candidate);
                StoreBackup previous = Files.exists(live()) ? backups.ofFileKeepingAll(live(), "before-restore") : null;
                StoreFiles.moveIntoPlace(candidate, live());
                LOG.info("store {} restored from {} (schema version {}); the store it replaced is {}", dir, source.file(),
                        state.shownVersion(), previous == null ? "(none)" : previous.file());
                return new Restored(source, state.shownVersion(), previous);
            } catch (IOException e) {
                throw new StoreException("could not restore " + source.file() + " into " + dir + " (" + e.getMessage()
                        + "); the store was not changed", e);
            } finally {
                StoreFiles.deleteQuietly(candidate);
            }
        }
    }

    private StoreLock lock(String what) {
        try {
            return StoreLock.acquire(dir);
        } catch (StoreLockedException e) {
            throw new StoreLockedException("the Leverdesk store at " + dir + " is in use by another Leverdesk process;"
                    + " stop it (close the window, stop the daemon) before you " + what, e);
        }
    }

    private StoreBackup choose(String which) {
        if (which == null) {
            return backups.newest().orElseThrow(() -> new StoreException("no backup of the store exists in "
                    + backups.directory() + "; nothing to restore"));
        }
        Path named = backups.directory().resolve(which);
        Path file = Files.exists(named) ? named : Path.of(which);
        if (!Files.isRegularFile(file)) {
            throw new StoreException("there is no backup " + which + " (neither in " + backups.directory()
                    + " nor as a file); `leverdesk store check` lists the backups");
        }
        return backups.list().stream().filter(b -> b.file().equals(file)).findFirst()
                .orElse(new StoreBackup(file, null, "external", 1, StoreFiles.size(file)));
    }

    /** Opens the extracted candidate on its own and reads its schema history and every row. */
    private Migrations.State verify(StoreBackup source, Path candidate) {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:file:" + dir.resolve(RESTORE_NAME) + ";FILE_LOCK=NO;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0");
        db.setUser(Store.USER);
        try (Connection c = db.getConnection()) {
            Migrations.State state = migrations.inspect(db);
            StoreIntegrity integrity = StoreIntegrity.scan(c);
            if (!integrity.ok()) {
                throw new StoreException("the backup " + source.file() + " is damaged (" + integrity.problems().get(0)
                        + "); the store was not changed; choose another backup");
            }
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
            return state;
        } catch (SQLException | FlywayException e) {
            throw new StoreException("the backup " + source.file() + " does not hold a usable Leverdesk store ("
                    + Store.migrationReason(e) + "); the store was not changed; choose another backup", e);
        }
    }

    /**
     * @param source   the backup put back
     * @param version  its schema version (a newer Leverdesk schema is upgraded at the next start, after a backup)
     * @param replaced the backup of the store it replaced, null when there was none
     */
    public record Restored(StoreBackup source, String version, StoreBackup replaced) {
    }
}
