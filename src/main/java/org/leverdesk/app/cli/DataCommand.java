package org.leverdesk.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code leverdesk data}: the store's prices (see {@code data update}). */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Keep the store's daily prices current.",
        subcommands = {DataUpdateCommand.class, DataSplitCommand.class})
public final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
