package org.leverdesk.app.cli;

import java.nio.file.Path;
import org.leverdesk.config.ConfigFile;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option of commands that read the user's settings. */
public final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (default: config.json in $XDG_CONFIG_HOME/leverdesk or ~/.config/leverdesk).")
    Path configFile;

    ConfigFile file() {
        return configFile == null ? ConfigFile.inDefaultDirectory() : new ConfigFile(configFile);
    }
}
