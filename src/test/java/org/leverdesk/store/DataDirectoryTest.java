package org.leverdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {
    private static final Path HOME = Path.of("/home/ann");

    @Test
    void linuxUsesXdgDataHomeWhenSet() {
        assertEquals(Path.of("/data/ann/leverdesk"),
                DataDirectory.resolve("Linux", Map.of("XDG_DATA_HOME", "/data/ann"), HOME));
    }

    @Test
    void linuxFallsBackToLocalShareWhenXdgIsUnsetBlankOrRelative() {
        Path expected = Path.of("/home/ann/.local/share/leverdesk");
        assertEquals(expected, DataDirectory.resolve("Linux", Map.of(), HOME));
        assertEquals(expected, DataDirectory.resolve("Linux", Map.of("XDG_DATA_HOME", " "), HOME));
        assertEquals(expected, DataDirectory.resolve("Linux", Map.of("XDG_DATA_HOME", "relative/dir"), HOME));
    }

    @Test
    void macUsesApplicationSupport() {
        assertEquals(Path.of("/home/ann/Library/Application Support/Leverdesk"),
                DataDirectory.resolve("Mac OS X", Map.of("XDG_DATA_HOME", "/ignored"), HOME));
    }

    @Test
    void windowsUsesLocalAppDataOrItsUsualPlace() {
        assertEquals(Path.of("/appdata/local").resolve("Leverdesk"),
                DataDirectory.resolve("Windows 11", Map.of("LOCALAPPDATA", "/appdata/local"), HOME));
        assertEquals(HOME.resolve("AppData").resolve("Local").resolve("Leverdesk"),
                DataDirectory.resolve("Windows 11", Map.of(), HOME));
    }
}
