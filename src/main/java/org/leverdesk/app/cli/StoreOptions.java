package org.leverdesk.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by commands that read prices or the store. */
public final class StoreOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of the Leverdesk store (default: $XDG_DATA_HOME/leverdesk or ~/.local/share/leverdesk).")
    Path dataDir;

    @Option(names = "--prices", paramLabel = "DIR",
            description = "Read daily bars from <SYMBOL>.csv files in DIR instead of the store or the demo market.")
    Path pricesDir;
}
