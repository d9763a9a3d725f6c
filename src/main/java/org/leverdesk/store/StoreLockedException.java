package org.leverdesk.store;

import java.nio.file.Path;

/** Another Leverdesk process (or another {@link Store} in this one) already has the store open. */
public final class StoreLockedException extends StoreException {
    public StoreLockedException(Path dataDir, Throwable cause) {
        super("the Leverdesk store at " + dataDir + " is already in use by another Leverdesk process;"
                + " close it or pass a different --data-dir", cause);
    }

    /** The same refusal worded for a command that needs the store to itself. */
    StoreLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
