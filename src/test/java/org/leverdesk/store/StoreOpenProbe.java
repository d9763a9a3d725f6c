package org.leverdesk.store;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Run in a child JVM by the kill tests: prints "opening", opens the store in args[0] with the
 * migrations in args[1..] (the shipped ones when none are given), prints "opened N ms" and closes it.
 * The tests kill it at chosen moments in between.
 */
public final class StoreOpenProbe {
    private StoreOpenProbe() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String[] locations = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : new String[] {Store.DEFAULT_MIGRATIONS};
        System.out.println("opening");
        System.out.flush();
        long start = System.nanoTime();
        try (Store store = Store.open(dir, locations)) {
            System.out.println("opened " + (System.nanoTime() - start) / 1_000_000 + " ms");
            System.out.flush();
        }
    }
}
