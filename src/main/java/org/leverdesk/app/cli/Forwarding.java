package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.leverdesk.app.context.StoreOwner;
import org.leverdesk.app.control.ControlClient;
import org.leverdesk.app.control.ControlMessages.Reply;
import org.leverdesk.app.control.ControlUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command line's execution strategy: a {@link ForwardedCommand} whose store another process owns is sent
 * to that process over the control channel and its answer printed here, with its exit code; every other
 * command (and one whose store nobody owns, or that runs inside the owner) runs here as usual.
 */
final class Forwarding {
    private static final Logger LOG = LoggerFactory.getLogger(Forwarding.class);

    private Forwarding() {
    }

    static int execute(ParseResult parsed) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        ParseResult leaf = leaf(parsed);
        if (leaf.commandSpec().userObject() instanceof ForwardedCommand command) {
            Path dir = command.dataDir();
            if (StoreOwner.of(dir).isEmpty()) {
                try {
                    Optional<Reply> reply = ControlClient.send(dir, argv(leaf), command.forwardTimeout());
                    if (reply.isPresent()) {
                        CommandLine cl = leaf.commandSpec().commandLine();
                        print(cl.getOut(), reply.get().out());
                        print(cl.getErr(), reply.get().err());
                        return reply.get().exit();
                    }
                } catch (ControlUnavailableException e) {
                    if (!command.emergency()) {
                        throw e;
                    }
                    // An emergency exit is never blocked: go to the broker directly and say what cannot be recorded.
                    LOG.warn("{}; going to the broker directly", e.getMessage());
                    leaf.commandSpec().commandLine().getErr().println("warning: " + e.getMessage()
                            + "; going to the broker directly");
                }
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static ParseResult leaf(ParseResult parsed) {
        ParseResult p = parsed;
        while (p.hasSubcommand()) {
            p = p.subcommand();
        }
        return p;
    }

    /**
     * The command line as the owner must see it: the subcommand's name(s), then each option and parameter
     * as given, with file paths made absolute (the owner runs in another working directory).
     */
    static List<String> argv(ParseResult leaf) {
        List<String> names = new ArrayList<>();
        for (CommandLine c = leaf.commandSpec().commandLine(); c.getParent() != null; c = c.getParent()) {
            names.add(c.getCommandName());
        }
        Collections.reverse(names);
        List<String> out = new ArrayList<>(names);
        for (OptionSpec o : leaf.matchedOptions()) {
            if (o.arity().max() == 0) {
                out.add(o.longestName());
                continue;
            }
            for (String v : o.originalStringValues()) {
                out.add(o.longestName());
                out.add(absolute(o, v));
            }
        }
        List<String> positional = new ArrayList<>();
        for (PositionalParamSpec p : leaf.matchedPositionals()) {
            for (String v : p.originalStringValues()) {
                positional.add(absolute(p, v));
            }
        }
        if (!positional.isEmpty()) {
            out.add("--");
            out.addAll(positional);
        }
        return out;
    }

    private static String absolute(ArgSpec spec, String value) {
        return spec.type() == Path.class ? Path.of(value).toAbsolutePath().normalize().toString() : value;
    }

    private static void print(PrintWriter w, String text) {
        if (!text.isEmpty()) {
            w.print(text);
            w.flush();
        }
    }
}
