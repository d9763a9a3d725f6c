package org.leverdesk.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * File moves that a crash cannot leave half-done: the new file is forced to disk, renamed over the old
 * one in one step (rename(2) on POSIX, MoveFileEx on Windows), and the folder entry is forced too.
 */
final class StoreFiles {
    private StoreFiles() {
    }

    /** Replaces {@code target} by {@code source} atomically and durably. */
    static void moveIntoPlace(Path source, Path target) throws IOException {
        try (FileChannel c = FileChannel.open(source, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(target.toAbsolutePath().getParent());
    }

    /** Forces a folder's entries to disk where the platform allows it (Linux, macOS; Windows refuses and needs not). */
    static void forceDirectory(Path dir) {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; its rename is durable once MoveFileEx returns.
        }
    }

    /** Deletes {@code file} if it is there; true when nothing is left. */
    static boolean deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The file's size, or 0 when it is not there. */
    static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
