package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.leverdesk.app.control.ControlMessages.Reply;
import org.leverdesk.app.control.ControlServer;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The owner's side: runs a command line that another process sent over the control channel, with the
 * same command classes a terminal runs (so the answer is exactly what the command prints there). Only
 * {@link ForwardedCommand}s are taken: the channel cannot start a second daemon or a window.
 */
public final class ControlCommands {
    private ControlCommands() {
    }

    /** The handler the daemon and the window serve their control channel with. */
    public static ControlServer.Handler handler() {
        return ControlCommands::run;
    }

    static Reply run(List<String> argv) {
        String[] args = argv.toArray(String[]::new);
        try {
            ParseResult parsed = new CommandLine(new LeverdeskCommand()).parseArgs(args);
            ParseResult leaf = parsed;
            while (leaf.hasSubcommand()) {
                leaf = leaf.subcommand();
            }
            if (!(leaf.commandSpec().userObject() instanceof ForwardedCommand)) {
                return new Reply(2, "", "error: '" + (argv.isEmpty() ? "" : argv.get(0)) + "' is not run over the control"
                        + " channel; only commands that use the store are\n");
            }
        } catch (CommandLine.ParameterException e) {
            // executed below, so the usual one-line error and exit code come back
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = LeverdeskCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Reply(code, out.toString(), err.toString());
    }
}
