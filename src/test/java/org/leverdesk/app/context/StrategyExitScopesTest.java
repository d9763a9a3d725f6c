package org.leverdesk.app.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.emergency.EmergencyScope;

/** The one scope builder of force-exit --strategy and the window's Close strategy…: from a config file or the settings in hand. */
class StrategyExitScopesTest {
    @TempDir
    Path dir;

    @Test
    void aConfigThatCannotBeReadClosesTheDefaultSymbolsAndSaysWhy() throws Exception {
        Path file = dir.resolve("config.toml");
        Files.writeString(file, "this is [not a config\n");
        List<String> notes = new ArrayList<>();

        EmergencyScope scope = StrategyExitScopes.of(new ConfigFile(file), "regime", false, notes::add);

        assertEquals(EmergencyScope.strategy("regime", Set.of("TQQQ"), Set.of(), false), scope);
        assertEquals("strategy regime (TQQQ)", scope.label());
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("the settings of regime cannot be used (")
                && notes.get(0).endsWith("); closing its default symbols"), notes.get(0));
        // the settings in hand give the same scope as the file's defaults
        assertEquals(scope, StrategyExitScopes.of(AppConfig.defaults(), "regime", false));
    }

    @Test
    void anUnknownStrategyIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StrategyExitScopes.of(AppConfig.defaults(), "nosuch", false));
        assertTrue(e.getMessage().startsWith("unknown strategy 'nosuch'; known: "), e.getMessage());
    }
}
