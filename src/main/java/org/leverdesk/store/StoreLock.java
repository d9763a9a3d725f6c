package org.leverdesk.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The OS lock on {@code store.lock} in the data folder, held by whoever opens, upgrades, backs up or
 * restores the store. The OS releases it when the process dies, so a killed process never leaves a lock
 * behind that the next start would have to wait for or guess about.
 */
final class StoreLock implements AutoCloseable {
    static final String FILE_NAME = "store.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of the data folder {@code dir} (which must exist); throws {@link StoreLockedException} when another holds it. */
    static StoreLock acquire(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("cannot create the store's lock file " + file + " (" + e.getMessage()
                    + "); pass a writable folder with --data-dir", e);
        }
        FileLock lock = null;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // held by this JVM already: also "in use"
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("cannot lock the store's lock file " + file + " (" + e.getMessage()
                    + "); pass a folder on a local disk with --data-dir", e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new StoreLockedException(dir, null);
        }
        return new StoreLock(channel, lock);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was locked; the caller reports the real problem
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
