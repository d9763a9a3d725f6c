package org.leverdesk.schedule;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Properties;

/**
 * One scheduler per store: an OS file lock on {@code scheduler.lock} in the data folder, whose text
 * names the holder (pid, host, start time). The OS releases the lock when the process dies, so a
 * crash never leaves a stale lock; the text stays only as information.
 */
public final class SchedulerLock implements AutoCloseable {
    /** The lock file's name in the data folder. */
    public static final String FILE_NAME = "scheduler.lock";
    // The lock covers one byte far past the text, not the text itself: on Windows a locked region
    // cannot be read, and a refused second instance must read the text to say who holds the lock.
    private static final long LOCK_POSITION = Long.MAX_VALUE - 1;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private SchedulerLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock in {@code dataDir} for this process, started at {@code startedAt}; throws
     * {@link SchedulerLockedException} naming the holder when another scheduler has it.
     */
    public static SchedulerLock acquire(Path dataDir, Instant startedAt) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock(LOCK_POSITION, 1, false);
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another scheduler in this same JVM
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new SchedulerLockedException("another Leverdesk scheduler is running on this store (" + holder
                        + ", lock " + file + "); stop it first, or use a different --data-dir");
            }
            String text = "pid=" + ProcessHandle.current().pid() + "\nhost=" + hostName() + "\nstarted=" + startedAt + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new SchedulerLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new SchedulerLockedException("cannot take the scheduler lock " + file + " (" + e.getMessage()
                    + "); check that the data folder is writable, or pass a different --data-dir");
        }
    }

    /**
     * Who holds the lock of {@code dataDir} now ("pid 4242 on host trader since ..."), or empty when nobody
     * does (no file, or the holder is gone): for telling a second process who owns the store.
     */
    public static java.util.Optional<String> heldBy(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = channel.tryLock(LOCK_POSITION, 1, false);
            } catch (OverlappingFileLockException e) {
                return java.util.Optional.of(holder(channel)); // held in this JVM
            }
            if (probe != null) {
                probe.release();
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(holder(channel));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        channel.read(buf, 0);
        Properties p = new Properties();
        p.load(new java.io.StringReader(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8)));
        return "pid " + p.getProperty("pid", "?") + " on host " + p.getProperty("host", "?")
                + " since " + p.getProperty("started", "?");
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown" : env;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the original error is reported
            }
        }
    }

    /** Releases the lock (the file stays, with the last holder's details). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }
}
