package org.leverdesk.app.cli;

import org.leverdesk.common.SecretMask;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the {@code leverdesk} command line. */
@Command(name = "leverdesk", mixinStandardHelpOptions = true, version = "Leverdesk 0.1.0",
        description = "Backtest and run systematic Nasdaq-100 ETF strategies.",
        subcommands = {CommandLine.HelpCommand.class, CalendarCommand.class, BacktestCommand.class, ImportCommand.class,
            RunsCommand.class, RegimeCommand.class, StatusCommand.class, GuiCommand.class,
            RunCommand.class, ForceExitCommand.class, OrderCommand.class, OrdersCommand.class, PositionsCommand.class,
            ScheduleCommand.class, DaemonCommand.class, CloseAllCommand.class, TradingStateCommands.Pause.class,
            TradingStateCommands.Resume.class, TradingStateCommands.Halt.class, InitCommand.class, ConfigCommand.class,
            JournalCommand.class, DataCommand.class, ChainCommand.class, ParityCommand.class, TaxCommand.class,
            ReportCommand.class, LockCommand.class, ReconcileCommand.class, SweepCommand.class,
            WalkForwardCommand.class, MonteCarloCommand.class, WorkerCommand.class, AdviseCommand.class, StoreCommand.class,
            GuardCommand.class, OptionCommand.class})
public final class LeverdeskCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** The command line of the terminal: its output and errors pass {@link SecretMask} line by line. */
    public static CommandLine terminal() {
        CommandLine cl = commandLine();
        cl.setOut(new java.io.PrintWriter(new MaskingWriter(new java.io.OutputStreamWriter(System.out,
                java.nio.charset.Charset.defaultCharset())), true));
        cl.setErr(new java.io.PrintWriter(new MaskingWriter(new java.io.OutputStreamWriter(System.err,
                java.nio.charset.Charset.defaultCharset())), true));
        return cl;
    }

    /** A command line whose errors are one line on stderr and exit code 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LeverdeskCommand());
        cl.setExecutionStrategy(Forwarding::execute);
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            cmd.getErr().println("error: " + SecretMask.redact(CliErrors.oneLine(ex)));
            return 2;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            // One line, like every other error: what is wrong, and where the help is.
            ex.getCommandLine().getErr().println("error: " + SecretMask.redact(ex.getMessage().replace('\n', ' ').strip())
                    + " (see 'leverdesk " + ex.getCommandLine().getCommandName() + " --help')");
            return 2;
        });
        return cl;
    }
}
