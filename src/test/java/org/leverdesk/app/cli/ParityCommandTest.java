package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.testing.SharedPrices;

/** {@code leverdesk parity} through the real root command line, on the service the window's "Replay as live" uses. */
class ParityCommandTest {
    private final CliRun cli = new CliRun();

    @TempDir
    Path tmp;

    @Test
    void monthlyRebalanceOnRealPricesIsIdenticalThroughTheLivePath() {
        int code = cli.run("parity", "--strategy", "monthly-rebalance", "--from", "2024-01-02", "--to", "2024-06-28",
                "--prices", SharedPrices.dir().toString(), "--data-dir", tmp.resolve("data").toString(), "--create", "--json");
        assertEquals(0, code, cli.err.toString());
        String json = cli.out.toString();
        assertTrue(json.contains("\"strategy\":\"monthly-rebalance\""), json);
        assertTrue(json.contains("\"identical\":true"), json);
        assertTrue(json.contains("\"sessions\":124"), json);
    }

    @Test
    void anUnknownStrategyIsAOneLineError() {
        int code = cli.run("parity", "--strategy", "nope", "--from", "2024-01-02", "--to", "2024-06-28",
                "--data-dir", tmp.resolve("data").toString(), "--create");
        assertTrue(code != 0);
        assertTrue(cli.err.toString().toLowerCase(java.util.Locale.ROOT).contains("nope"), cli.err.toString());
    }
}
