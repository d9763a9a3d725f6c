package org.leverdesk.store;

import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * The Flyway side of the store: what a database's schema history says and running the migrations. H2
 * commits every DDL statement on its own (Flyway knows it and runs H2 migrations outside a transaction),
 * so migrations are never run on the store in use, only on a copy (see {@link SchemaUpgrade}).
 */
final class Migrations {
    private final String[] locations;

    Migrations(String... locations) {
        this.locations = locations.clone();
    }

    private Flyway flyway(DataSource source, String... ignored) {
        return Flyway.configure().dataSource(source).locations(locations).ignoreMigrationPatterns(ignored).load();
    }

    /**
     * What the database's history says. Throws {@link FlywayException} when it does not match the shipped
     * migrations: a failed or changed migration, or one that is missing from this version.
     */
    State inspect(DataSource source) {
        // One Flyway for both questions (building one scans the migrations); the ignore patterns only
        // concern validation, so info() still lists the pending migrations.
        Flyway flyway = flyway(source, "*:pending", "*:future");
        ValidateResult check = flyway.validateWithResult();
        if (!check.validationSuccessful) {
            // Each error's first line; Flyway's advice after it ("run repair") is not something a Leverdesk user can do.
            List<String> errors = check.invalidMigrations.stream()
                    .map(m -> m.errorDetails == null ? m.description : m.errorDetails.errorMessage)
                    .map(m -> m == null ? "" : m.strip().lines().findFirst().orElse(""))
                    .filter(m -> !m.isEmpty())
                    .distinct()
                    .toList();
            throw new FlywayException(errors.isEmpty() ? check.getAllErrorMessages().strip().lines().findFirst().orElse("")
                    : String.join("; ", errors));
        }
        MigrationInfoService info = flyway.info();
        MigrationInfo current = info.current();
        List<String> pending = Arrays.stream(info.pending())
                .filter(m -> m.getVersion() != null)
                .map(m -> m.getVersion().getVersion())
                .toList();
        return new State(current == null || current.getVersion() == null ? null : current.getVersion().getVersion(),
                info.applied().length, pending);
    }

    /** Applies every pending migration. */
    int migrate(DataSource source) {
        return flyway(source, "*:future").migrate().migrationsExecuted;
    }

    /**
     * @param version  the newest applied version, null for an empty schema
     * @param applied  how many migrations the history lists
     * @param pending  the versions still to apply, oldest first
     */
    record State(String version, int applied, List<String> pending) {
        String shownVersion() {
            return version == null ? "none" : version;
        }

        String target() {
            return pending.isEmpty() ? shownVersion() : pending.get(pending.size() - 1);
        }
    }
}
