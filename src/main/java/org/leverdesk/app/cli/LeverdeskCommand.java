package org.leverdesk.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the {@code leverdesk} command line. */
@Command(name = "leverdesk", mixinStandardHelpOptions = true, version = "Leverdesk 0.1.0",
        description = "Backtest and run systematic Nasdaq-100 ETF strategies.",
        subcommands = {CommandLine.HelpCommand.class, CalendarCommand.class, BacktestCommand.class, ImportCommand.class,
            RunsCommand.class, RegimeCommand.class, StatusCommand.class, GuiCommand.class,
            RunCommand.class, ForceExitCommand.class, OrderCommand.class, OrdersCommand.class, PositionsCommand.class,
            ScheduleCommand.class, DaemonCommand.class, ChainCommand.class, ParityCommand.class, TaxCommand.class, ReportCommand.class})
public final class LeverdeskCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** A command line whose errors are one line on stderr and exit code 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LeverdeskCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            cmd.getErr().println("error: " + CliErrors.oneLine(ex));
            return 2;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'leverdesk " + ex.getCommandLine().getCommandName() + " --help'.");
            return 2;
        });
        return cl;
    }
}
