package org.leverdesk.app.cli;

import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.app.context.StoreOwner;
import org.leverdesk.store.DataDirectory;

/**
 * A command's use of a store: the owning process's open context when the command runs inside it (sent
 * over the control channel, or in the same JVM), else the store opened for this command alone.
 * Closing the lease closes only what it opened.
 */
final class StoreLease implements AutoCloseable {
    private static final String DATABASE = "leverdesk.mv.db";

    private final AppContext app;
    private final StoreOwner owner;

    private StoreLease(AppContext app, StoreOwner owner) {
        this.app = app;
        this.owner = owner;
    }

    /** The store of {@code options} (prices from --prices when given); the store is opened only when {@code needStore}. */
    static StoreLease open(StoreOptions options, double riskFreeRate, boolean needStore) {
        return open(options.dataDir, options.create, options.pricesDir, riskFreeRate, needStore);
    }

    static StoreLease open(Path dataDir, boolean create, Path pricesDir, double riskFreeRate, boolean needStore) {
        Path folder = dataDir == null ? DataDirectory.resolveDefault() : dataDir;
        Optional<StoreOwner> owner = StoreOwner.of(folder);
        if (owner.isPresent()) {
            return new StoreLease(owner.get().app().view(pricesDir, riskFreeRate), owner.get());
        }
        if (needStore || pricesDir == null) {
            requireStoreOrCreate(dataDir, create);
        }
        return new StoreLease(AppContext.open(dataDir, pricesDir, riskFreeRate, needStore), null);
    }

    AppContext app() {
        return app;
    }

    /** The process that owns the store, when this command runs inside it. */
    Optional<StoreOwner> owner() {
        return Optional.ofNullable(owner);
    }

    /**
     * A new store is made without asking only in the per-user default folder or an empty folder made for
     * it; an explicit --data-dir that holds no store needs --create (or a yes on a terminal), so a typo
     * never silently starts an empty store and trades from it.
     */
    static void requireStoreOrCreate(Path dataDir, boolean create) {
        if (dataDir == null || create || Files.isRegularFile(dataDir.resolve(DATABASE)) || isEmptyFolder(dataDir)) {
            return;
        }
        String what = Files.isDirectory(dataDir) ? "holds no Leverdesk store (" + DATABASE + ")" : "does not exist";
        Console console = System.console();
        if (console != null) {
            String answer = console.readLine("%s %s. Start a new, empty store there? [y/N] ", dataDir, what);
            if (answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
                return;
            }
        }
        throw new IllegalArgumentException("--data-dir " + dataDir + " " + what + "; check the path for a typo, or add"
                + " --create to start a new, empty store there");
    }

    private static boolean isEmptyFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
