package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.leverdesk.app.context.Brokers;
import org.leverdesk.app.context.TestBrokers;
import org.leverdesk.broker.alpaca.FakeAlpacaServer;
import org.leverdesk.testing.ScriptedBroker;

/**
 * For each bad config: the panic command still closes the account, and the daemon refuses to start with
 * exactly the one line {@code run} gives.
 */
class FaultMatrixTest {
    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        TestBrokers.reset();
        System.clearProperty(Brokers.ALPACA_URL_PROPERTY);
    }

    private CliRun cli(String... args) {
        CliRun c = new CliRun();
        c.run(args);
        return c;
    }

    private String[] where(String dataDir, Path config) {
        return new String[] {"--data-dir", tmp.resolve(dataDir).toString(), "--create", "--config", config.toString()};
    }

    private static String[] with(String[] head, String[] tail) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown field|{\"risk\": {\"bogus\": 1}}|unknown setting 'risk.bogus'",
        "shares over 100%|{\"strategies\": [{\"strategyId\": \"regime\", \"enabled\": true, \"capitalShare\": 0.8},"
                + " {\"strategyId\": \"rotation\", \"enabled\": true, \"capitalShare\": 0.5}]}|capital shares add up to 130%",
        "risk value out of range|{\"risk\": {\"tolerancePercent\": 60}}|risk.tolerancePercent must be between 0 and 50",
        "holdDays=-4|{\"strategies\": [{\"strategyId\": \"regime\", \"enabled\": true, \"capitalShare\": 0.3,"
                + " \"parameters\": {\"holdDays\": \"-4\"}}]}|strategies.regime.parameters: holdDays",
        "unknown parameter|{\"strategies\": [{\"strategyId\": \"regime\", \"enabled\": true, \"capitalShare\": 0.3,"
                + " \"parameters\": {\"stopPct\": \"5\"}}]}|unknown parameter 'stopPct' for regime",
        "unknown strategy id|{\"strategies\": [{\"strategyId\": \"options-dca\", \"enabled\": true, \"capitalShare\": 0.3}]}"
                + "|unknown strategy 'options-dca'",
        "a token name where a number goes|{\"risk\": {\"tolerancePercent\": [2]}}|'risk.tolerancePercent' must be a number, not a list"
    })
    void theRunAndTheDaemonRefuseAlikeAndThePanicCommandStillCloses(String name, String json, String expected) throws Exception {
        Path config = tmp.resolve("config.json");
        Files.writeString(config, json);
        ScriptedBroker broker = new ScriptedBroker(10_000, Instant.now()).price("TQQQ", 50).position("TQQQ", 20);
        TestBrokers.use(broker);

        CliRun close = cli(with(new String[] {"close-all"}, where("panic", config)));
        assertEquals(0, close.code, name + ": " + close.out + close.err);
        assertTrue(close.out.toString().contains("Close the whole account at scripted: 0 orders cancelled, 1 position"
                + " closed, flat; trading HALTED"), close.out.toString());
        assertTrue(broker.positions().isEmpty());

        CliRun run = cli(with(new String[] {"run", "--dry-run"}, where("run", config)));
        CliRun daemon = cli(with(new String[] {"daemon"}, where("daemon", config)));
        assertEquals(2, run.code);
        assertEquals(2, daemon.code);
        List<String> runLines = run.err.toString().lines().toList();
        assertEquals(1, runLines.size(), run.err.toString());
        assertTrue(runLines.get(0).contains(expected), runLines.get(0));
        assertEquals(run.err.toString(), daemon.err.toString(), "the daemon says exactly what run says");
        assertTrue(Files.notExists(tmp.resolve("daemon").resolve("scheduler.lock")), "refused before it took the lock");
    }

    @Test
    void malformedJsonStillLetsThePanicCommandCloseTheAccountItIsNamed() throws Exception {
        Path config = tmp.resolve("config.json");
        Files.writeString(config, "{ \"broker\": { \"kind\": \"PAPER\" ");
        ScriptedBroker broker = new ScriptedBroker(10_000, Instant.now()).price("TQQQ", 50).position("TQQQ", 20);
        TestBrokers.use(broker);
        CliRun unnamed = cli(with(new String[] {"close-all"}, where("panic", config)));
        assertEquals(2, unnamed.code);
        assertTrue(unnamed.err.toString().strip().endsWith("name the account with --broker paper|alpaca-paper|alpaca-live"),
                unnamed.err.toString());
        CliRun named = cli(with(new String[] {"close-all", "--broker", "paper"}, where("panic", config)));
        assertEquals(0, named.code, named.out + " " + named.err);
        assertTrue(broker.positions().isEmpty());
        CliRun run = cli(with(new String[] {"run", "--dry-run"}, where("run", config)));
        CliRun daemon = cli(with(new String[] {"daemon"}, where("daemon", config)));
        assertEquals(run.err.toString(), daemon.err.toString());
        assertTrue(run.err.toString().contains("is not a valid Leverdesk config: not valid JSON"), run.err.toString());
    }

    @Test
    void secretsOthersCanReadStopRunAndTheDaemonAlikeButNotThePanicCommand() throws Exception {
        try (FakeAlpacaServer alpaca = FakeAlpacaServer.start()) {
            System.setProperty(Brokers.ALPACA_URL_PROPERTY, alpaca.baseUrl().toString());
            Path config = tmp.resolve("config.json");
            Files.writeString(config, "{\"broker\": {\"kind\": \"ALPACA\", \"alpacaEndpoint\": \"PAPER\"},"
                    + " \"strategies\": [{\"strategyId\": \"regime\", \"enabled\": true, \"capitalShare\": 0.3}]}");
            Path secrets = tmp.resolve("secrets.properties");
            Files.writeString(secrets, "ALPACA_KEY_ID=" + FakeAlpacaServer.KEY_ID + "\nALPACA_SECRET_KEY="
                    + FakeAlpacaServer.SECRET_KEY + "\n");
            Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-r--r--"));
            // The Alpaca keys must come from the file for this case, not from the test machine's environment.
            org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("ALPACA_KEY_ID") == null);

            Path prices = Files.createDirectories(tmp.resolve("prices"));
            Files.writeString(prices.resolve("TQQQ.csv"), "date,open,high,low,close,volume,adj_close\n2025-12-31,50,50,50,50,1,50\n");
            Files.writeString(prices.resolve("QQQ.csv"), "date,open,high,low,close,volume,adj_close\n2025-12-31,500,500,500,500,1,500\n");
            String[] w = with(where("x", config), new String[] {"--prices", prices.toString()});
            CliRun close = cli(with(new String[] {"close-all"}, w));
            assertEquals(0, close.code, close.out + " " + close.err);
            assertTrue(close.err.toString().startsWith("warning: " + secrets + " can be read by other users; run 'chmod 600 "
                    + secrets + "' (used anyway for this emergency exit)"), close.err.toString());
            assertTrue(close.out.toString().startsWith("Close the whole account at alpaca-paper:"), close.out.toString());

            CliRun run = cli(with(new String[] {"run", "--dry-run"}, where("run", config)));
            CliRun daemon = cli(with(new String[] {"daemon"}, w));
            assertEquals(2, run.code);
            assertEquals(2, daemon.code);
            assertEquals("error: " + secrets + " can be read by other users; run 'chmod 600 " + secrets + "' and start again",
                    run.err.toString().strip());
            assertEquals(run.err.toString(), daemon.err.toString());
        }
    }
}
