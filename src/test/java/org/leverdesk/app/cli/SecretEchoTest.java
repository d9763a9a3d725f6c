package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.alpaca.FakeAlpacaServer;
import org.leverdesk.config.AlpacaEndpoint;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerKind;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.NotificationSettings;
import org.leverdesk.notify.FakeHttpEndpoint;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.Store;

/**
 * Secrets stay secret: a fake Alpaca that echoes the request's keys in every error body and a fake Discord
 * that echoes its webhook; the real command line runs in a child JVM with the real logging set-up, and
 * its standard output, standard error, log file, journal and every message sent to Discord are searched
 * for the keys.
 */
class SecretEchoTest {
    private static final String WEBHOOK_TOKEN = "whk-Z9y8X7w6V5u4T3s2";

    @TempDir
    Path tmp;
    private FakeAlpacaServer alpaca;
    private FakeHttpEndpoint discord;
    private Path config;
    private Path data;
    private Path logs;

    @BeforeEach
    void setUp() throws IOException {
        alpaca = FakeAlpacaServer.start();
        alpaca.setRejectReason("forbidden: key " + FakeAlpacaServer.KEY_ID + " with secret " + FakeAlpacaServer.SECRET_KEY
                + " has no access");
        for (String[] call : new String[][] {{"GET", "/v2/account"}, {"GET", "/v2/orders"}, {"DELETE", "/v2/orders"},
            {"GET", "/v2/positions"}, {"DELETE", "/v2/positions"}}) {
            alpaca.inject(call[0], call[1], FakeAlpacaServer.Fault.REJECT, 1000);
        }
        discord = new FakeHttpEndpoint(FakeHttpEndpoint.Reply.status(404, "{\"message\": \"Unknown Webhook "
                + WEBHOOK_TOKEN + "\"}"));
        config = tmp.resolve("etc/config.json");
        new ConfigFile(config).save(new AppConfig(new BrokerSettings(BrokerKind.ALPACA, AlpacaEndpoint.PAPER, false), null, null,
                new NotificationSettings(false, false, null, true, false, null, 587, null, null, null)));
        data = tmp.resolve("data");
        logs = tmp.resolve("logs");
    }

    @AfterEach
    void tearDown() throws Exception {
        alpaca.close();
        discord.close();
    }

    private String run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Dleverdesk.alpaca.url=" + alpaca.baseUrl(), "-Dlogback.configurationFile=" + mainLogbackConfig(),
                "-cp", System.getProperty("java.class.path"), "org.leverdesk.app.Main"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--config", config.toString(), "--data-dir", data.toString(), "--create"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("ALPACA_KEY_ID", FakeAlpacaServer.KEY_ID);
        pb.environment().put("ALPACA_SECRET_KEY", FakeAlpacaServer.SECRET_KEY);
        pb.environment().put("DISCORD_WEBHOOK_URL", discord.baseUrl() + "/api/webhooks/123/" + WEBHOOK_TOKEN);
        pb.environment().put("LEVERDESK_LOG_DIR", logs.toString());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("xdg-config").toString());
        pb.environment().put("XDG_DATA_HOME", tmp.resolve("xdg-data").toString());
        Path out = tmp.resolve("out-" + args[0] + ".txt");
        Path err = tmp.resolve("err-" + args[0] + ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the command did not end");
        return "exit " + p.exitValue() + "\n" + Files.readString(out) + "\n" + Files.readString(err);
    }

    @Test
    void noOutputHoldsAKeyTheBrokerOrTheWebhookEchoed() throws Exception {
        String positions = run("positions");
        String closeAll = run("close-all");
        assertTrue(positions.contains("unavailable") && positions.contains("forbidden: key ***"), positions);
        assertTrue(closeAll.startsWith("exit 1"), closeAll);
        assertTrue(closeAll.contains("listing the open orders failed") && closeAll.contains("forbidden: key *** with secret ***"),
                closeAll);

        List<String> journal;
        try (Store store = Store.open(data)) {
            journal = new JournalRepository(store, Clock.systemUTC()).recent(500).stream().map(JournalEntry::message).toList();
        }
        assertTrue(journal.stream().anyMatch(m -> m.contains("forbidden: key ***")), journal.toString());
        String log = Files.readString(logs.resolve("leverdesk.log"));
        assertTrue(log.contains("***"), "the echoed keys were logged masked");
        String sent = discord.requests().stream().map(FakeHttpEndpoint.Request::body).collect(Collectors.joining("\n"));
        assertEquals(1, discord.requests().size(), "the close-all report went to Discord once (the webhook is 'deleted')");
        assertTrue(sent.contains("forbidden: key "), sent);

        java.util.Map<String, String> outputs = java.util.Map.of("positions' output", positions, "close-all's output", closeAll,
                "the journal", String.join("\n", journal), "the log", log, "Discord", sent);
        for (String secret : List.of(FakeAlpacaServer.KEY_ID, FakeAlpacaServer.SECRET_KEY, WEBHOOK_TOKEN)) {
            outputs.forEach((where, text) -> assertFalse(text.contains(secret), secret + " leaked into " + where + ": " + text));
        }
    }

    private static String mainLogbackConfig() throws URISyntaxException {
        Path testClasses = Path.of(SecretEchoTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return testClasses.resolveSibling("classes").resolve("logback.xml").toString();
    }
}
