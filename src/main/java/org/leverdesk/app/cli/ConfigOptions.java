package org.leverdesk.app.cli;

import java.nio.file.Path;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.Secrets;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option of commands that read the user's settings. */
public final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (default: config.json in $XDG_CONFIG_HOME/leverdesk or ~/.config/leverdesk);"
                    + " its secrets.properties is the one beside it.")
    Path configFile;

    ConfigFile file() {
        return configFile == null ? ConfigFile.inDefaultDirectory() : new ConfigFile(configFile);
    }

    /**
     * The config a command running under {@code lease} uses: --config when given, else the one the store's
     * owner (daemon or window) runs with when the command runs inside it, else the default file.
     */
    ConfigFile file(StoreLease lease) {
        if (configFile != null) {
            return new ConfigFile(configFile);
        }
        return lease.owner().map(org.leverdesk.app.context.StoreOwner::configFile).orElseGet(ConfigFile::inDefaultDirectory);
    }

    /** The secrets that go with the config: the environment, then secrets.properties beside the file. */
    Secrets secrets() {
        return file().secrets().registerForMasking();
    }
}
