package org.leverdesk.store;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code leverdesk store check} found.
 *
 * @param databaseFile  the store's file
 * @param exists        false when there is no store in the folder yet
 * @param databaseSize  its size in bytes
 * @param inUse         another process holds the store, so its schema and integrity were not read
 * @param schema        the schema's state, null when not read
 * @param problem       why the store could not be opened or its schema does not match; null when fine
 * @param integrity     what reading every row and index found; null when not read
 * @param backups       the backups, newest first
 */
public record StoreReport(Path databaseFile, boolean exists, long databaseSize, boolean inUse, SchemaState schema,
                          String problem, StoreIntegrity integrity, Path backupFolder, List<StoreBackup> backups,
                          BackupPolicy policy) {
    public StoreReport {
        backups = List.copyOf(backups);
    }

    /** True when nothing wrong was found (a store in use or not yet made counts as fine). */
    public boolean healthy() {
        return problem == null && (integrity == null || integrity.ok());
    }

    /**
     * @param version  the newest applied schema version ("none" for an empty schema)
     * @param applied  migrations in the history
     * @param pending  migrations this Leverdesk would apply at the next start (after a backup)
     */
    public record SchemaState(String version, int applied, List<String> pending) {
        public SchemaState {
            pending = List.copyOf(pending);
        }
    }
}
