package org.leverdesk.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Resolves the per-user folder for the config and secrets files. */
public final class ConfigDirectory {
    private ConfigDirectory() {
    }

    /** The default config folder for the current user and operating system. */
    public static Path resolveDefault() {
        return resolve(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * Linux and other Unix: {@code $XDG_CONFIG_HOME/leverdesk} (default {@code ~/.config/leverdesk});
     * macOS {@code ~/Library/Application Support/Leverdesk}; Windows {@code %APPDATA%\Leverdesk}.
     */
    public static Path resolve(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String roaming = env.get("APPDATA");
            Path base = roaming == null || roaming.isBlank() ? home.resolve("AppData").resolve("Roaming") : Path.of(roaming);
            return base.resolve("Leverdesk");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Leverdesk");
        }
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg == null || xdg.isBlank() || !Path.of(xdg).isAbsolute() ? home.resolve(".config") : Path.of(xdg);
        return base.resolve("leverdesk");
    }
}
