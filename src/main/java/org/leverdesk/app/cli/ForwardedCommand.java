package org.leverdesk.app.cli;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A command that works on a store. While another process (the daemon or the window) owns that store,
 * the command line is sent over the control channel and runs inside that process, so it works instead
 * of failing with "the store is in use".
 */
interface ForwardedCommand {
    /** The store's folder (--data-dir, else the per-user default). */
    Path dataDir();

    /** How long to wait for the owning process to answer. */
    default Duration forwardTimeout() {
        return Duration.ofMinutes(5);
    }

    /**
     * True for the emergency commands: when the owner does not answer, they still go to the broker
     * directly (and say what could not be recorded) instead of failing.
     */
    default boolean emergency() {
        return false;
    }
}
