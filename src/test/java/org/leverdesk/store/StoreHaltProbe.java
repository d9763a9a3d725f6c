package org.leverdesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Run in a second JVM by {@link StoreDurabilityTest}: opens the store in args[0], appends one journal
 * entry (its own committed transaction), writes the file args[1] to say the commit returned, then
 * halts at once, as a killed process ends: no shutdown hooks, the store never closed.
 */
public final class StoreHaltProbe {
    private StoreHaltProbe() {
    }

    public static void main(String[] args) throws Exception {
        Store store = Store.open(Path.of(args[0]));
        new JournalRepository(store, Clock.systemUTC()).append("probe", null, "committed before the kill", null);
        Files.writeString(Path.of(args[1]), "committed");
        Runtime.getRuntime().halt(0);
    }
}
