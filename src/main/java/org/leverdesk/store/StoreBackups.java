package org.leverdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rolling backups of one store in {@code <data-dir>/backups}: zip files holding a consistent copy of
 * {@code leverdesk.mv.db}, written under a temporary name and renamed when complete, so a kill never leaves
 * a half-written backup that looks whole. The newest {@link BackupPolicy#kept()} are kept.
 */
public final class StoreBackups {
    private static final Logger LOG = LoggerFactory.getLogger(StoreBackups.class);
    static final String FOLDER = "backups";
    /** The database file's name inside every backup zip (H2's BACKUP TO names it so too). */
    static final String ENTRY = "leverdesk.mv.db";
    private static final String UNFINISHED = ".part";
    private static final Pattern NAME = Pattern.compile("leverdesk-(\\d{8}T\\d{6}Z)-(.+?)(?:-(\\d+))?\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final BackupPolicy policy;
    private final Clock clock;

    StoreBackups(Path dataDir, BackupPolicy policy, Clock clock) {
        this.directory = dataDir.resolve(FOLDER);
        this.policy = policy;
        this.clock = clock;
    }

    /** The folder the backups are in. */
    public Path directory() {
        return directory;
    }

    public BackupPolicy policy() {
        return policy;
    }

    /** The complete backups, newest first; other files in the folder are ignored. */
    public List<StoreBackup> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<StoreBackup> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "leverdesk-*.zip")) {
            for (Path f : files) {
                StoreBackup b = parse(f);
                if (b != null) {
                    out.add(b);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot list the store backups in " + directory + " (" + e.getMessage() + ")", e);
        }
        out.sort(Comparator.comparing(StoreBackup::takenAt).thenComparingInt(StoreBackup::sequence).reversed());
        return out;
    }

    private static StoreBackup parse(Path f) {
        Matcher m = NAME.matcher(f.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        return new StoreBackup(f, STAMP.parse(m.group(1), Instant::from), m.group(2),
                m.group(3) == null ? 1 : Integer.parseInt(m.group(3)), StoreFiles.size(f));
    }

    public Optional<StoreBackup> newest() {
        List<StoreBackup> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** True when periodic backups are on and the newest backup (of any kind) is older than the policy's interval. */
    boolean due() {
        if (policy.every().isZero()) {
            return false;
        }
        Optional<StoreBackup> newest = newest();
        return newest.isEmpty() || !newest.get().takenAt().plus(policy.every()).isAfter(clock.instant());
    }

    /** Zips the closed (or crash-left) database file {@code databaseFile}; the caller holds the store lock. */
    StoreBackup ofFile(Path databaseFile, String reason) {
        StoreBackup b = ofFileKeepingAll(databaseFile, reason);
        prune();
        return b;
    }

    /**
     * Like {@link #ofFile} without deleting old backups: a restore must not delete the backup it is
     * putting back; the next backup prunes.
     */
    StoreBackup ofFileKeepingAll(Path databaseFile, String reason) {
        return write(reason, part -> {
            try (OutputStream out = Files.newOutputStream(part); ZipOutputStream zip = new ZipOutputStream(out)) {
                // The fastest level: a store compresses to about a third even so, and backups run while a person waits.
                zip.setLevel(Deflater.BEST_SPEED);
                zip.putNextEntry(new ZipEntry(ENTRY));
                Files.copy(databaseFile, zip);
                zip.closeEntry();
            }
        });
    }

    /** A transactionally consistent backup of the open database, taken by H2 while others keep working. */
    StoreBackup online(Connection connection, String reason) {
        StoreBackup b = write(reason, part -> {
            try (Statement s = connection.createStatement()) {
                s.execute("BACKUP TO '" + part.toString().replace("'", "''") + "'");
            } catch (SQLException e) {
                throw new IOException(Store.reason(e), e);
            }
        });
        prune();
        return b;
    }

    private interface Writer {
        void writeTo(Path part) throws IOException;
    }

    private StoreBackup write(String reason, Writer writer) {
        Instant now = clock.instant();
        Path target = null;
        Path part = null;
        try {
            Files.createDirectories(directory);
            String base = "leverdesk-" + STAMP.format(now) + "-" + reason;
            target = directory.resolve(base + ".zip");
            for (int n = 2; Files.exists(target); n++) {
                target = directory.resolve(base + "-" + n + ".zip");
            }
            part = directory.resolve(target.getFileName() + UNFINISHED);
            writer.writeTo(part);
            StoreFiles.moveIntoPlace(part, target);
        } catch (IOException e) {
            if (part != null) {
                StoreFiles.deleteQuietly(part);
            }
            throw new StoreException("could not write a backup of the store to " + directory + " (" + e.getMessage()
                    + "); free some disk space or make the folder writable", e);
        }
        LOG.info("store backup {} written ({} bytes)", target, StoreFiles.size(target));
        return parse(target);
    }

    /** Deletes the oldest backups beyond the number kept. */
    void prune() {
        List<StoreBackup> all = list();
        for (StoreBackup old : all.subList(Math.min(policy.kept(), all.size()), all.size())) {
            if (StoreFiles.deleteQuietly(old.file())) {
                LOG.info("store backup {} deleted (keeping the newest {})", old.file(), policy.kept());
            } else {
                LOG.warn("could not delete the old store backup {}", old.file());
            }
        }
    }

    /** Deletes backups a killed process left half-written; only the store lock's holder writes backups. */
    void removeUnfinished() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + UNFINISHED)) {
            for (Path f : files) {
                StoreFiles.deleteQuietly(f);
            }
        } catch (IOException e) {
            LOG.warn("could not clean up unfinished backups in {}: {}", directory, e.getMessage());
        }
    }

    /** Writes the database file held in {@code backup} to {@code target}. */
    static void extract(Path backup, Path target) throws IOException {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry entry = zip.getEntry(ENTRY);
            if (entry == null) {
                entry = firstDatabaseEntry(zip);
            }
            if (entry == null) {
                throw new IOException(backup.getFileName() + " holds no " + ENTRY);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static ZipEntry firstDatabaseEntry(ZipFile zip) {
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            if (entry.getName().endsWith(".mv.db")) {
                return entry;
            }
        }
        return null;
    }

    /**
     * The end of a message about a store that cannot be used: restore the newest backup (named), or, when
     * there is none, say so honestly.
     */
    String advice() {
        return newest().map(b -> "`leverdesk store restore` puts back the newest backup (" + b.file().getFileName() + " of "
                        + shown(b.takenAt()) + "); or move it aside, or pass a different --data-dir")
                .orElse("move it aside (no backup of it exists in " + directory + ") or pass a different --data-dir");
    }

    static String shown(Instant t) {
        return SHOWN.format(t);
    }
}
