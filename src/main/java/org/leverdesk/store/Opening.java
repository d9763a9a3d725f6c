package org.leverdesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of opening a store, under its {@link StoreLock}: clear what a killed attempt left, create a
 * missing store whole, check the schema history, and upgrade a store that lacks migrations through
 * {@link SchemaUpgrade} (a copy, swapped in only once complete). A store whose schema is unusable but that
 * holds no rows at all (an older Leverdesk was killed during its first start) is made again.
 */
final class Opening {
    private static final Logger LOG = LoggerFactory.getLogger(Opening.class);

    private final Path dir;
    private final Migrations migrations;
    private final StoreBackups backups;
    private final SchemaUpgrade upgrade;
    private boolean created;

    Opening(Path dir, Migrations migrations, StoreBackups backups) {
        this.dir = dir;
        this.migrations = migrations;
        this.backups = backups;
        this.upgrade = new SchemaUpgrade(dir, migrations, backups);
    }

    /** True when this opening created the store. */
    boolean created() {
        return created;
    }

    LiveDatabase open() {
        upgrade.removeLeftovers();
        if (!Files.exists(dir.resolve(Store.DATABASE_NAME + ".mv.db"))) {
            upgrade.create();
            created = true;
        }
        LiveDatabase live = LiveDatabase.open(dir, backups);
        try {
            Migrations.State state = inspect(live);
            if (state == null) {
                live.shutdown();
                upgrade.rebuild();
                live = LiveDatabase.open(dir, backups);
                state = inspect(live);
                if (state == null) {
                    throw new StoreException("the Leverdesk store at " + dir + " was made again but its schema history still"
                            + " does not match; pass a different --data-dir and report this");
                }
            }
            if (!state.pending().isEmpty()) {
                boolean empty = live.holdsNoRows();
                live.shutdown();
                try {
                    upgrade.upgrade(state);
                } catch (SchemaUpgrade.UpgradeFailed e) {
                    if (!empty) {
                        throw e;
                    }
                    rebuildOrThrow(e);
                }
                live = LiveDatabase.open(dir, backups);
                state = inspect(live);
                if (state == null || !state.pending().isEmpty()) {
                    throw new StoreException("the Leverdesk store at " + dir + " still lacks schema migrations after its upgrade;"
                            + " pass a different --data-dir and report this");
                }
            }
            LOG.info("store {} opened, schema version {}", dir, state.shownVersion());
            return live;
        } catch (RuntimeException e) {
            live.close();
            throw e;
        }
    }

    /** The schema's state, or null when its history does not match and the store holds no rows (it can be made again). */
    private Migrations.State inspect(LiveDatabase live) {
        try {
            return migrations.inspect(live.pool());
        } catch (FlywayException e) {
            if (live.holdsNoRows()) {
                LOG.debug("store {} has an unusable schema history and no rows", dir, e);
                return null;
            }
            throw new StoreException("the Leverdesk store at " + dir + " does not match this version's schema ("
                    + Store.migrationReason(e) + "); " + backups.advice(), e);
        }
    }

    /** Makes an empty store again after its upgrade failed; when that fails too, the upgrade's failure is what is reported. */
    private void rebuildOrThrow(RuntimeException cause) {
        try {
            upgrade.rebuild();
        } catch (StoreException again) {
            cause.addSuppressed(again);
            throw cause;
        }
    }
}
