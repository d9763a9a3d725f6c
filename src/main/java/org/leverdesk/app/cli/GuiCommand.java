package org.leverdesk.app.cli;

import java.util.concurrent.Callable;
import org.leverdesk.app.desktop.DesktopLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code leverdesk gui}: opens the desktop window (also what running with no command does). */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the desktop window.")
public final class GuiCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        return DesktopLauncher.launch(store.dataDir, store.pricesDir, ControlCommands.handler(), ChatControl::start);
    }
}
