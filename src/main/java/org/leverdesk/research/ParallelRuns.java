package org.leverdesk.research;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;

/**
 * Runs many independent backtests on a bounded pool of daemon threads (one pool per call, shut down
 * after it), reporting progress with an estimate of the time left, and stopping at once when cancelled.
 * A job that throws IllegalArgumentException (invalid parameters) becomes a failed outcome with its
 * message; any other failure (unreadable prices, a bug) stops the whole batch and is rethrown, and running
 * out of heap stops it with {@link OutOfMemory}'s one-line error.
 */
public final class ParallelRuns {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final int threads;

    public ParallelRuns(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("research needs at least 1 thread (got " + threads + ")");
        }
        this.threads = threads;
    }

    /** A job's result, or the one-line reason it was rejected. */
    public record Outcome<T>(T value, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /**
     * Runs {@code jobs} and returns their outcomes in the same order.
     *
     * @param label what is counted in progress messages, e.g. "runs"
     * @throws CancellationException when {@code cancel} is cancelled before all jobs finished
     */
    public <T> List<Outcome<T>> run(List<? extends Callable<T>> jobs, String label, ProgressListener progress,
                                    CancellationToken cancel) {
        int n = jobs.size();
        List<Outcome<T>> out = new ArrayList<>(java.util.Collections.nCopies(n, null));
        if (n == 0) {
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), daemonThreads());
        CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        long start = System.nanoTime();
        int finished = 0;
        try {
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> job = jobs.get(i);
                done.submit(() -> {
                    cancel.throwIfCancelled();
                    try {
                        out.set(index, new Outcome<>(job.call(), null));
                    } catch (IllegalArgumentException e) {
                        out.set(index, new Outcome<>(null, e.getMessage()));
                    }
                    return index;
                });
            }
            progress.progress(0, label + ": 0 of " + n);
            while (finished < n) {
                Future<Integer> f = done.poll(200, TimeUnit.MILLISECONDS);
                cancel.throwIfCancelled();
                if (f == null) {
                    continue;
                }
                f.get();
                finished++;
                progress.progress((double) finished / n, message(label, finished, n, System.nanoTime() - start));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OutOfMemoryError oom) {
                out.clear(); // what the finished runs hold, so the message and the caller have room
                throw OutOfMemory.of(String.format(Locale.ROOT, "after %,d of %,d %s", finished, n, label), oom);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** "runs: 412 of 1,681 · about 0:23 left". */
    static String message(String label, int finished, int total, long elapsedNanos) {
        String text = String.format(Locale.ROOT, "%s: %,d of %,d", label, finished, total);
        if (finished < total && finished > 0) {
            long leftNanos = (long) ((double) elapsedNanos / finished * (total - finished));
            text += " · about " + duration(Duration.ofNanos(leftNanos)) + " left";
        }
        return text;
    }

    /** "0:23", "12:05", "1:02:03". */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "research-" + pool + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
