package org.leverdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database in {@code <dataDir>/leverdesk.mv.db}: opens it (one process at a time),
 * brings its schema up to date with the Flyway migrations in {@code db/migration}, and runs JDBC
 * work on pooled connections, so a background task and the UI thread can read at the same time.
 */
public final class Store implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    static final String DEFAULT_MIGRATIONS = "classpath:db/migration";
    private static final String USER = "leverdesk";
    private static final int MAX_CONNECTIONS = 8;

    /**
     * Data folders open in this JVM. H2 shares one database between all connections of a process,
     * so its file lock only stops other processes; this set stops a second Store in this one.
     */
    private static final Set<Path> OPEN_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path dataDir;
    private final Path lockKey;
    private final JdbcConnectionPool pool;
    // Held for the Store's lifetime so the database (and its file lock) stays open between uses.
    private final Connection keeper;
    private volatile boolean closed;

    private Store(Path dataDir, Path lockKey, JdbcConnectionPool pool, Connection keeper) {
        this.dataDir = dataDir;
        this.lockKey = lockKey;
        this.pool = pool;
        this.keeper = keeper;
    }

    /** Opens (creating if needed) the store in {@code dataDir} and migrates its schema. */
    public static Store open(Path dataDir) {
        return open(dataDir, DEFAULT_MIGRATIONS);
    }

    /** Opens the store with migrations from {@code migrationLocation} (tests use a broken one). */
    static Store open(Path dataDir, String migrationLocation) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (dir.toString().contains(";")) {
            // H2 reads ';' in its URL as the start of a setting, so such a path cannot be opened safely.
            throw new StoreException("the data folder " + dir + " contains ';', which the database cannot use;"
                    + " pass a different --data-dir");
        }
        Path key;
        try {
            Files.createDirectories(dir);
            key = dir.toRealPath();
        } catch (IOException e) {
            throw new StoreException("cannot create the Leverdesk data folder " + dir + " (" + e.getMessage()
                    + "); pass a writable folder with --data-dir", e);
        }
        if (!Files.isWritable(dir) || Files.exists(dir.resolve("leverdesk.mv.db")) && !Files.isWritable(dir.resolve("leverdesk.mv.db"))) {
            // H2 would fail deep inside with pages of stack trace and advice for a damaged file.
            throw new StoreException("the Leverdesk data folder " + dir + " is read-only for this user; Leverdesk writes its"
                    + " store there: make it writable (chmod u+w) or pass another --data-dir");
        }
        if (!OPEN_IN_THIS_JVM.add(key)) {
            throw new StoreLockedException(dir, null);
        }
        try {
            return connect(dir, key, migrationLocation);
        } catch (RuntimeException e) {
            OPEN_IN_THIS_JVM.remove(key);
            throw e;
        }
    }

    private static Store connect(Path dir, Path key, String migrationLocation) {
        // WRITE_DELAY=0: H2 otherwise writes a commit to the file up to 500 ms later, so a process killed in
        // that window loses it - e.g. an order intent recorded just before the order was sent.
        String url = "jdbc:h2:file:" + dir.resolve("leverdesk") + ";FILE_LOCK=FILE;WRITE_DELAY=0";
        Connection keeper;
        try {
            keeper = DriverManager.getConnection(url, USER, "");
        } catch (SQLException e) {
            throw openFailure(dir, e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, USER, "");
        pool.setMaxConnections(MAX_CONNECTIONS);
        Store store = new Store(dir, key, pool, keeper);
        try {
            store.migrate(migrationLocation);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private void migrate(String location) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(pool)
                    .locations(location)
                    .load()
                    .migrate();
            if (result.migrationsExecuted == 0) {
                LOG.info("store {} opened, schema version {} is up to date", dataDir, result.initialSchemaVersion);
            } else {
                LOG.info("store {} opened, schema migrated from version {} to {} ({} migrations)", dataDir,
                        result.initialSchemaVersion == null ? "(empty)" : result.initialSchemaVersion,
                        result.targetSchemaVersion, result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            LOG.debug("migration of the store at {} failed", dataDir, e);
            throw new StoreException("the Leverdesk store at " + dataDir + " could not be upgraded to this version's schema ("
                    + migrationReason(e) + "); restore " + databaseFile().getFileName()
                    + " from a backup or pass a different --data-dir", e);
        }
    }

    /** Flyway's headline plus the database's own reason (or Flyway's first detail line): one line. */
    private static String migrationReason(FlywayException e) {
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

    private static StoreException openFailure(Path dir, SQLException e) {
        if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return new StoreLockedException(dir, e);
        }
        Path file = dir.resolve("leverdesk.mv.db");
        if (e.getErrorCode() == ErrorCode.FILE_VERSION_ERROR_1) {
            return new StoreException("the Leverdesk store " + file + " was written by an incompatible database version;"
                    + " move it aside (Leverdesk starts with an empty store) or pass a different --data-dir", e);
        }
        return new StoreException("cannot open the Leverdesk store " + file + " (" + reason(e) + ");"
                + " if it is damaged, move it aside or restore it from a backup, or pass a different --data-dir", e);
    }

    /** The data folder this store lives in. */
    public Path dataDirectory() {
        return dataDir;
    }

    /** The H2 database file, the one file to back up. */
    public Path databaseFile() {
        return dataDir.resolve("leverdesk.mv.db");
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

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.dispose();
        try {
            keeper.close();
        } catch (SQLException e) {
            LOG.warn("closing the store at {} failed: {}", dataDir, reason(e));
        } finally {
            OPEN_IN_THIS_JVM.remove(lockKey);
        }
        LOG.info("store {} closed", dataDir);
    }
}
