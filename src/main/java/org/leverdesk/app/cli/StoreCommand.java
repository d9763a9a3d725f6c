package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.leverdesk.store.DataDirectory;
import org.leverdesk.store.StoreBackup;
import org.leverdesk.store.StoreIntegrity;
import org.leverdesk.store.StoreMaintenance;
import org.leverdesk.store.StoreReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leverdesk store check|backup|restore}: look after the store file and its rolling backups. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = {"Check, back up or restore the store (leverdesk.mv.db in the data folder).",
                "Backups are zip files in <data-dir>/backups, taken before every schema upgrade,",
                "once a day while Leverdesk runs, and by `store backup`; the newest 10 are kept.",
                "LEVERDESK_STORE_BACKUPS sets how many are kept,",
                "LEVERDESK_STORE_BACKUP_HOURS the hours between periodic backups (0: none)."},
        subcommands = {StoreCommand.Check.class, StoreCommand.Backup.class, StoreCommand.Restore.class})
public final class StoreCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The --data-dir option of the store commands. */
    static final class Folder {
        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Folder of the Leverdesk store (default: $XDG_DATA_HOME/leverdesk or ~/.local/share/leverdesk).")
        Path dataDir;

        StoreMaintenance maintenance() {
            return StoreMaintenance.of(dataDir == null ? DataDirectory.resolveDefault() : dataDir);
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Report the store's size, schema version, integrity and backups.",
                    "Every row and index is read; exit code 1 when a problem is found.",
                    "A store another Leverdesk process has open is not read."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @CommandLine.Mixin
        Folder folder;

        @Override
        public Integer call() {
            StoreReport report = folder.maintenance().check();
            PrintWriter out = spec.commandLine().getOut();
            if (!report.exists()) {
                out.println("store: none yet at " + report.databaseFile() + " (it is made at the first start)");
            } else {
                out.println("store: " + report.databaseFile() + ", " + size(report.databaseSize()));
                printState(out, report);
            }
            printBackups(out, report);
            out.flush();
            return report.healthy() ? 0 : 1;
        }

        private static void printState(PrintWriter out, StoreReport report) {
            if (report.inUse()) {
                out.println("schema, integrity: not read, the store is in use by another Leverdesk process (stop it to check)");
                return;
            }
            StoreReport.SchemaState schema = report.schema();
            if (schema != null) {
                out.println("schema: version " + schema.version() + " (" + schema.applied() + " migrations applied), "
                        + (schema.pending().isEmpty() ? "up to date"
                        : schema.pending().size() + " to apply at the next start, after a backup: " + String.join(", ", schema.pending())));
            }
            StoreIntegrity integrity = report.integrity();
            if (integrity != null) {
                String read = "read " + integrity.rows() + " rows in " + integrity.tables() + " tables and " + integrity.indexes()
                        + " indexes";
                if (integrity.ok()) {
                    out.println("integrity: OK, " + read);
                } else {
                    out.println("integrity: " + integrity.problems().size() + " problems, " + read);
                    integrity.problems().forEach(p -> out.println("  " + p));
                }
            }
            if (report.problem() != null) {
                out.println("problem: " + report.problem());
            }
        }

        private static void printBackups(PrintWriter out, StoreReport report) {
            if (report.backups().isEmpty()) {
                out.println("last backup: none yet (in " + report.backupFolder() + ")");
            } else {
                StoreBackup newest = report.backups().get(0);
                out.println("last backup: " + newest.file().getFileName() + ", " + ago(newest.takenAt()));
            }
            long total = report.backups().stream().mapToLong(StoreBackup::size).sum();
            long hours = report.policy().every().toHours();
            out.println("backups: " + report.backups().size() + " in " + report.backupFolder() + ", " + size(total)
                    + "; the newest " + report.policy().kept() + " are kept, "
                    + (hours == 0 ? "none taken periodically" : "one taken every " + hours + " h while Leverdesk runs"));
            for (StoreBackup b : report.backups()) {
                out.println("  " + b.file().getFileName() + "  " + size(b.size()));
            }
        }

        private static String ago(Instant t) {
            Duration d = Duration.between(t, Instant.now());
            String when = t.toString().replace('T', ' ').substring(0, 16) + " UTC";
            if (d.isNegative()) {
                return when;
            }
            long minutes = d.toMinutes();
            return when + " (" + (minutes < 120 ? minutes + " min" : minutes < 48 * 60 ? d.toHours() + " h" : d.toDays() + " days")
                    + " ago)";
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = {"Back the store up now into <data-dir>/backups.",
                    "Refused while another Leverdesk process has the store open (it takes its own daily backup)."})
    static final class Backup implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @CommandLine.Mixin
        Folder folder;

        @Override
        public Integer call() {
            StoreBackup b = folder.maintenance().backup();
            PrintWriter out = spec.commandLine().getOut();
            out.println("backed up to " + b.file() + " (" + size(b.size()) + ")");
            out.flush();
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Put a backup back in place of the store (default: the newest backup).",
                    "BACKUP is a file name that `leverdesk store check` lists, or a path to a backup zip.",
                    "The backup is opened and read completely first; the store it replaces is kept",
                    "as a before-restore backup. Refused while another Leverdesk process has the store open."})
    static final class Restore implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @CommandLine.Mixin
        Folder folder;
        @Parameters(arity = "0..1", paramLabel = "BACKUP", description = "The backup to put back (default: the newest).")
        String backup;

        @Override
        public Integer call() {
            StoreMaintenance.Restored r = folder.maintenance().restore(backup);
            PrintWriter out = spec.commandLine().getOut();
            out.println("restored " + r.source().file() + " (schema version " + r.version() + ")");
            out.println(r.replaced() == null ? "there was no store before it"
                    : "the store it replaced is kept as " + r.replaced().file());
            out.flush();
            return 0;
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double kb = bytes / 1024.0;
        return kb < 1024 ? String.format(Locale.ROOT, "%.1f KB", kb) : String.format(Locale.ROOT, "%.1f MB", kb / 1024);
    }
}
