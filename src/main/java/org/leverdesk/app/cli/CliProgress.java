package org.leverdesk.app.cli;

import java.io.PrintWriter;
import org.leverdesk.common.ProgressListener;

/**
 * Progress of a long command on one terminal line of stderr ("runs: 412 of 1,681 · about 0:23 left"),
 * at most twice a second, and only when stderr is a terminal: scripts and --json output stay clean.
 */
final class CliProgress implements ProgressListener {
    private final PrintWriter err;
    private final boolean terminal;
    private long last;
    private int width;

    CliProgress(PrintWriter err) {
        this(err, System.console() != null);
    }

    CliProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void progress(double fraction, String message) {
        long now = System.nanoTime();
        if (!terminal || (now - last < 500_000_000L && fraction < 1)) {
            return;
        }
        last = now;
        String line = message == null ? "" : message;
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        width = line.length();
        err.flush();
    }

    /** Clears the progress line before the results are printed. */
    synchronized void done() {
        if (terminal && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
        }
    }
}
