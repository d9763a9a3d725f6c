package org.leverdesk.store;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a second JVM by {@link StoreTest}: tries to open the store in args[0] and writes the
 * outcome ("OPENED <file>" or the exception's class and message) to the file args[1].
 */
public final class StoreLockProbe {
    private StoreLockProbe() {
    }

    public static void main(String[] args) throws Exception {
        String outcome;
        try (Store store = Store.open(Path.of(args[0]))) {
            outcome = "OPENED " + store.databaseFile();
        } catch (StoreException e) {
            outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Files.writeString(Path.of(args[1]), outcome);
    }
}
