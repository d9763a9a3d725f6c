package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real {@code leverdesk} command line (with its error handlers) and captures what it prints. */
final class CliRun {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    /** The exit code of the last {@link #run}, for callers that keep the CliRun. */
    int code;

    /** Executes {@code args} and returns the exit code. */
    int run(String... args) {
        CommandLine cl = LeverdeskCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        code = cl.execute(args);
        return code;
    }
}
