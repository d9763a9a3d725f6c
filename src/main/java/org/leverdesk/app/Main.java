package org.leverdesk.app;

import org.leverdesk.app.cli.LeverdeskCommand;
import org.leverdesk.app.desktop.DesktopLauncher;
import picocli.CommandLine;

/** Runs a CLI command headless, or opens the desktop window when no command is given. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.exit(DesktopLauncher.launch(null, null, org.leverdesk.app.cli.ControlCommands.handler(),
                    org.leverdesk.app.cli.ChatControl::start));
        }
        int code = LeverdeskCommand.terminal().execute(args);
        System.exit(code);
    }
}
