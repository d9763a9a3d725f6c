package org.leverdesk.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Resolves the default per-user folder that holds the Leverdesk store. */
public final class DataDirectory {
    private DataDirectory() {
    }

    /** The default data folder for the current user and operating system. */
    public static Path resolveDefault() {
        return resolve(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * The default data folder for the given OS name, environment and home folder: Linux and other
     * Unix use {@code $XDG_DATA_HOME/leverdesk} (default {@code ~/.local/share/leverdesk}), macOS
     * {@code ~/Library/Application Support/Leverdesk}, Windows {@code %LOCALAPPDATA%\Leverdesk}.
     */
    public static Path resolve(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = isBlank(local) ? home.resolve("AppData").resolve("Local") : Path.of(local);
            return base.resolve("Leverdesk");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Leverdesk");
        }
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_DATA_HOME");
        Path base = isBlank(xdg) || !Path.of(xdg).isAbsolute() ? home.resolve(".local").resolve("share") : Path.of(xdg);
        return base.resolve("leverdesk");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
