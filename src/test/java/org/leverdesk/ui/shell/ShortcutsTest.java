package org.leverdesk.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shortcuts the menu installs and Help lists. */
class ShortcutsTest {
    @Test
    void viewsGetCtrlOneToNineAndEveryActionHasItsKeys() {
        List<String> views = List.of("Dashboard", "Backtest", "Strategies", "Chart", "Regime", "Rotation", "Orders", "Journal",
                "Data", "Settings");
        List<Shortcut> all = MainViewModel.shortcuts(views);
        assertEquals(new Shortcut("Shortcut+1", "Show Dashboard"), all.get(0));
        assertEquals(new Shortcut("Shortcut+9", "Show Data"), all.get(8), "nine views get a number; Settings has Ctrl+,");
        assertEquals("Ctrl+Shift+X", all.stream().filter(s -> s.action().startsWith("Close all")).findFirst().orElseThrow().display());
        assertEquals("Ctrl+,", all.stream().filter(s -> s.action().equals("Settings")).findFirst().orElseThrow().display());
        assertEquals(List.of("Ctrl+R", "Ctrl+F", "Ctrl+T", "Ctrl+Shift+X", "Ctrl+Shift+L", "Ctrl+,", "F1", "Ctrl+Q"),
                all.subList(9, all.size()).stream().map(Shortcut::display).toList());
    }
}
