package org.leverdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window layout file beside the config: round trip, a broken file, and no file at all. */
class LayoutMemoryTest {
    @TempDir
    Path dir;

    @Test
    void valuesSurviveInTheFileBesideTheConfig() {
        Path config = dir.resolve("config.json");
        LayoutMemory m = LayoutMemory.besideConfig(config);
        m.put("backtest.resultsDivider", 0.7);
        m.put("backtest.formShown", false);
        m.save();
        assertTrue(Files.isRegularFile(dir.resolve("ui-layout.properties")));
        LayoutMemory again = LayoutMemory.besideConfig(config);
        assertEquals(0.7, again.number("backtest.resultsDivider", 0.5));
        assertFalse(again.flag("backtest.formShown", true));
        assertEquals(0.3, again.number("unknown", 0.3));
    }

    @Test
    void aGarbledFileOnlyCostsTheRememberedLayout() throws Exception {
        Path file = dir.resolve(LayoutMemory.FILE_NAME);
        Files.writeString(file, "backtest.resultsDivider=not a number\n\\u12");
        LayoutMemory m = LayoutMemory.in(file);
        assertEquals(0.64, m.number("backtest.resultsDivider", 0.64));
    }

    @Test
    void withoutAConfigFolderNothingIsWritten() {
        LayoutMemory m = LayoutMemory.besideConfig(null);
        m.put("x", 1.0);
        m.save();
        assertEquals(1.0, m.number("x", 0));
        assertEquals(0, dir.toFile().list().length);
    }
}
