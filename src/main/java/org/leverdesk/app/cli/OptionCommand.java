package org.leverdesk.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code leverdesk option}: instructions about a held option contract (see {@code option exercise}). */
@Command(name = "option", mixinStandardHelpOptions = true,
        description = "Instructions about a held option contract: exercise it now, or do not exercise it at expiry.",
        subcommands = {OptionInstructionCommand.Exercise.class, OptionInstructionCommand.DoNotExercise.class})
public final class OptionCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
