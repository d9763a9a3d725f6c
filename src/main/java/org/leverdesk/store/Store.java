package org.leverdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database in {@code <dataDir>/leverdesk.mv.db}: opens it (one process at a time, by
 * the OS lock {@code store.lock}), brings its schema up to date with the Flyway migrations in
 * {@code db/migration} without ever migrating the file in use (see {@link SchemaUpgrade}), keeps rolling
 * backups (see {@link StoreBackups}), and runs JDBC work on pooled connections, so a background task and
 * the UI thread can read at the same time.
 */
public final class Store implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    static final String DEFAULT_MIGRATIONS = "classpath:db/migration";
    static final String DATABASE_NAME = "leverdesk";
    static final String USER = "leverdesk";
    private static final Duration BACKUP_CHECK = Duration.ofHours(1);
    private static final Duration BACKUP_WAIT_AT_CLOSE = Duration.ofMinutes(2);

    /**
     * Data folders open in this JVM. The OS lock stops other processes; a second lock in the same JVM
     * would throw, so this set gives a second Store in this one the same "in use" answer.
     */
    private static final Set<Path> OPEN_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path dataDir;
    private final Path lockKey;
    private final StoreLock storeLock;
    private final JdbcConnectionPool pool;
    // Held for the Store's lifetime so the database (and its file lock) stays open between uses.
    private final Connection keeper;
    private final StoreBackups backups;
    private final ScheduledExecutorService backupTimer;
    private volatile boolean closed;

    private Store(Path dataDir, Path lockKey, StoreLock storeLock, LiveDatabase live, StoreBackups backups) {
        this.dataDir = dataDir;
        this.lockKey = lockKey;
        this.storeLock = storeLock;
        this.pool = live.pool();
        this.keeper = live.keeper();
        this.backups = backups;
        this.backupTimer = backups.policy().every().isZero() ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leverdesk-store-backup");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens (creating if needed) the store in {@code dataDir} and upgrades its schema, with the backup
     * policy from the environment ({@link BackupPolicy#fromEnvironment}).
     */
    public static Store open(Path dataDir) {
        return open(dataDir, BackupPolicy.fromEnvironment(System.getenv()));
    }

    /** Opens (creating if needed) the store in {@code dataDir}, keeping backups as {@code policy} says. */
    public static Store open(Path dataDir, BackupPolicy policy) {
        return open(dataDir, policy, Clock.systemUTC(), DEFAULT_MIGRATIONS);
    }

    /** Opens the store with migrations from {@code migrationLocations} (tests use broken or pausing ones). */
    static Store open(Path dataDir, String... migrationLocations) {
        return open(dataDir, BackupPolicy.defaults(), Clock.systemUTC(), migrationLocations);
    }

    static Store open(Path dataDir, BackupPolicy policy, Clock clock, String... migrationLocations) {
        Path dir = checkedFolder(dataDir);
        Path key;
        try {
            key = dir.toRealPath();
        } catch (IOException e) {
            throw new StoreException("cannot read the Leverdesk data folder " + dir + " (" + e.getMessage()
                    + "); pass a readable folder with --data-dir", e);
        }
        if (!OPEN_IN_THIS_JVM.add(key)) {
            throw new StoreLockedException(dir, null);
        }
        StoreLock lock = null;
        try {
            lock = StoreLock.acquire(dir);
            StoreBackups backups = new StoreBackups(dir, policy, clock);
            Opening opening = new Opening(dir, new Migrations(migrationLocations), backups);
            Store store = new Store(dir, key, lock, opening.open(), backups);
            store.startBackups(opening.created());
            return store;
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            OPEN_IN_THIS_JVM.remove(key);
            throw e;
        }
    }

    /** The absolute data folder, created if missing; refused when H2 could not use its name. */
    static Path checkedFolder(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (dir.toString().contains(";")) {
            // H2 reads ';' in its URL as the start of a setting, so such a path cannot be opened safely.
            throw new StoreException("the data folder " + dir + " contains ';', which the database cannot use;"
                    + " pass a different --data-dir");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create the Leverdesk data folder " + dir + " (" + e.getMessage()
                    + "); pass a writable folder with --data-dir", e);
        }
        if (!Files.isWritable(dir) || Files.exists(dir.resolve("leverdesk.mv.db")) && !Files.isWritable(dir.resolve("leverdesk.mv.db"))) {
            // H2 would fail deep inside with pages of stack trace and advice for a damaged file.
            throw new StoreException("the Leverdesk data folder " + dir + " is read-only for this user; Leverdesk writes its"
                    + " store there: make it writable (chmod u+w) or pass another --data-dir");
        }
        return dir;
    }

    /** Flyway's headline plus the database's own reason (or Flyway's first detail line): one line. */
    static String migrationReason(Exception e) {
        if (e instanceof SQLException sql) {
            return reason(sql);
        }
        List<String> lines = e.getMessage() == null ? List.of() : e.getMessage().lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.matches("-+"))
                .toList();
        String head = lines.isEmpty() ? e.getClass().getSimpleName() : lines.get(0);
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return head + ": " + reason(sql);
            }
        }
        return lines.size() > 1 ? head + ": " + lines.get(1) : head;
    }

    /** Takes a backup now if one is due (not for a store just created: it holds nothing yet), then checks hourly. */
    private void startBackups(boolean created) {
        if (backupTimer == null) {
            return;
        }
        if (!created) {
            backupTimer.execute(this::backupIfDue);
        }
        long check = Math.min(BACKUP_CHECK.toMillis(), backups.policy().every().toMillis());
        backupTimer.scheduleWithFixedDelay(this::backupIfDue, check, check, TimeUnit.MILLISECONDS);
    }

    private void backupIfDue() {
        try {
            // Also while close() waits: a backup queued at open still runs, so a short command takes its daily backup.
            if (backups.due()) {
                try (Connection c = pool.getConnection()) {
                    backups.online(c, "daily");
                }
            }
        } catch (SQLException | RuntimeException e) {
            // A missed backup must not stop trading; the next check tries again.
            LOG.warn("periodic backup of the store at {} failed: {}", dataDir, e.getMessage());
        }
    }

    /** The data folder this store lives in. */
    public Path dataDirectory() {
        return dataDir;
    }

    /** The H2 database file, the one file to back up. */
    public Path databaseFile() {
        return dataDir.resolve(DATABASE_NAME + ".mv.db");
    }

    /** The store's rolling backups. */
    public StoreBackups backups() {
        return backups;
    }

    /** Runs read-only (or single-statement) work on a pooled connection in auto-commit mode. */
    public <T> T read(String action, SqlWork<T> work) {
        try (Connection c = connection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    /**
     * Runs work in one transaction: commits when it returns, rolls back when it throws anything, so
     * nothing is half-written. Runtime exceptions from the work pass through unchanged.
     */
    public <T> T inTransaction(String action, SqlWork<T> work) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    /** A pooled connection for callers that need plain JDBC; close it to return it to the pool. */
    public Connection connection() throws SQLException {
        if (closed) {
            throw new StoreException("the Leverdesk store at " + dataDir + " is closed");
        }
        return pool.getConnection();
    }

    private StoreException failure(String action, SQLException e) {
        return new StoreException("could not " + action + " in the Leverdesk store at " + dataDir + ": " + reason(e), e);
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    /** H2's message without the SQL text and error code suffix, for one-line messages. */
    static String reason(SQLException e) {
        String m = firstLine(e.getMessage());
        int sql = m.indexOf("; SQL statement:");
        if (sql >= 0) {
            m = m.substring(0, sql);
        }
        // H2 quotes a check constraint as "NAME: "; show just the name.
        m = m.replaceAll("\"([A-Za-z0-9_]+): \"", "$1");
        return m.replaceAll("\\s*\\[\\d{5}-\\d+]$", "").strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        String s = message.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).strip();
    }

    /** Lets a backup being written finish, then closes the database and releases the folder. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        awaitBackup();
        pool.dispose();
        try {
            keeper.close();
        } catch (SQLException e) {
            LOG.warn("closing the store at {} failed: {}", dataDir, reason(e));
        } finally {
            storeLock.close();
            OPEN_IN_THIS_JVM.remove(lockKey);
        }
        LOG.info("store {} closed", dataDir);
    }

    private void awaitBackup() {
        if (backupTimer == null) {
            return;
        }
        backupTimer.shutdown();
        try {
            if (!backupTimer.awaitTermination(BACKUP_WAIT_AT_CLOSE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("the store backup did not finish within {}; closing the store anyway", BACKUP_WAIT_AT_CLOSE);
                backupTimer.shutdownNow();
            }
        } catch (InterruptedException e) {
            backupTimer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
