package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.control.ControlMessages.Reply;
import org.leverdesk.app.control.ControlServer;

/** What a command sends to the owner of its store: its own words, with paths made absolute; and what the owner takes. */
class ForwardingTest {
    @TempDir
    Path data;

    @Test
    void aStoreCommandIsSentWithAbsolutePathsAndItsAnswerPrintedHere() throws Exception {
        AtomicReference<List<String>> seen = new AtomicReference<>();
        try (ControlServer server = ControlServer.start(data, argv -> {
            seen.set(argv);
            return new Reply(1, "from the daemon\n", "note\n");
        })) {
            CliRun cli = new CliRun();
            int code = cli.run("import", "some/TQQQ.csv", "--symbol", "TQQQ", "--data-dir", data.toString());
            assertEquals(1, code);
            assertEquals("from the daemon\n", cli.out.toString());
            assertEquals("note\n", cli.err.toString());
            assertEquals(List.of("import", "--symbol", "TQQQ", "--data-dir", data.toString(), "--",
                    Path.of("some/TQQQ.csv").toAbsolutePath().toString()), seen.get());
        }
    }

    @Test
    void theOwnerRunsOnlyCommandsThatUseTheStore() {
        Reply daemon = ControlCommands.run(List.of("daemon"));
        assertEquals(2, daemon.exit());
        assertEquals("error: 'daemon' is not run over the control channel; only commands that use the store are\n", daemon.err());
        Reply bad = ControlCommands.run(List.of("orders", "--limit", "x"));
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("error: Invalid value for option '--limit'"), bad.err());
    }

    @Test
    void helpIsAnsweredHereWithoutTheOwner() throws Exception {
        try (ControlServer server = ControlServer.start(data, argv -> new Reply(9, "", ""))) {
            CliRun cli = new CliRun();
            assertEquals(0, cli.run("status", "--help", "--data-dir", data.toString()));
            assertTrue(cli.out.toString().contains("Usage: leverdesk status"), cli.out.toString());
        }
    }
}
