package org.leverdesk.app.cli;

import java.nio.file.Path;
import org.leverdesk.store.DataDirectory;
import picocli.CommandLine.Option;

/** Options shared by commands that read prices or the store. */
public final class StoreOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of the Leverdesk store (default: $XDG_DATA_HOME/leverdesk or ~/.local/share/leverdesk).")
    Path dataDir;

    @Option(names = "--create", description = "Start a new, empty store in --data-dir when it holds none"
            + " (without it a mistyped --data-dir is refused).")
    boolean create;

    @Option(names = "--prices", paramLabel = "DIR",
            description = "Read daily bars from <SYMBOL>.csv files in DIR instead of the store or the demo market.")
    Path pricesDir;

    /** The store's folder: --data-dir, else the per-user default. */
    Path folder() {
        return dataDir == null ? DataDirectory.resolveDefault() : dataDir;
    }
}
