package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's and subcommand's --help formats cleanly. picocli reads descriptions as format strings, so a lone
 * "%" ("30%)", "weekly % stop") made `leverdesk init --help` print three "[picocli WARN] Could not format" lines above
 * the help a new user asked for.
 */
class HelpTextsTest {
    @Test
    void everyHelpFormatsWithoutPicocliWarnings() {
        List<String> commands = new ArrayList<>();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            usageOfEach(new CommandLine(new LeverdeskCommand()), commands);
        } finally {
            System.setErr(original);
        }
        assertTrue(commands.size() > 30, "every command visited: " + commands);
        assertEquals("", err.toString(StandardCharsets.UTF_8), "warnings while formatting the help of " + commands);
    }

    private static void usageOfEach(CommandLine command, List<String> names) {
        names.add(command.getCommandName());
        command.getUsageMessage();
        command.getSubcommands().values().forEach(sub -> usageOfEach(sub, names));
    }
}
