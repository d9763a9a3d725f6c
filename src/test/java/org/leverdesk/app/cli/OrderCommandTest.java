package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.app.context.TestBrokers;
import org.leverdesk.testing.ScriptedBroker;

/** {@code leverdesk order}: the order ticket headless, through the real command line. */
class OrderCommandTest {
    @TempDir
    Path tmp;
    private final ScriptedBroker broker = new ScriptedBroker(10_000, Instant.now()).price("TQQQ", 50);
    private String[] common;

    @BeforeEach
    void setUp() throws IOException {
        Path prices = Files.createDirectories(tmp.resolve("prices"));
        Files.writeString(prices.resolve("TQQQ.csv"), "date,open,high,low,close,volume,adj_close\n2025-12-31,49,51,49,50,1000,50\n");
        Path config = tmp.resolve("config.json");
        new ConfigFile(config).save(AppConfig.defaults());
        common = new String[] {"--prices", prices.toString(), "--data-dir", tmp.resolve("store").toString(), "--create", "--config", config.toString()};
        TestBrokers.use(broker);
    }

    @AfterEach
    void tearDown() {
        TestBrokers.reset();
    }

    private CliRun run(String... args) {
        CliRun cli = new CliRun();
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of(common));
        cli.run(all.toArray(String[]::new));
        return cli;
    }

    @Test
    void previewSendsNothingAndASendUsesTheFirstManualIdOfTheDay() {
        String day = DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(ZoneId.of("America/New_York")));
        CliRun preview = run("order", "buy", "500", "tqqq", "--dollars", "--preview");
        assertEquals(0, preview.code, preview.err.toString());
        String first = preview.out.toString().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("preview at scripted: buy 9 TQQQ MARKET at "), first);
        assertTrue(first.endsWith("position 0 -> 9, id ld-manual-" + day + "-1"), first);
        assertTrue(broker.submits.isEmpty());

        CliRun send = run("order", "buy", "9", "TQQQ");
        assertEquals(0, send.code, send.out + " " + send.err);
        assertEquals(1, broker.submits.size());
        assertEquals("ld-manual-" + day + "-1", broker.submits.get(0).clientOrderId());
        assertTrue(send.out.toString().contains("sent: Sent buy 9 TQQQ MARKET DAY as ld-manual-" + day + "-1"), send.out.toString());
    }

    @Test
    void aTicketTheAccountCannotPayIsNotSent() {
        CliRun cli = run("order", "buy", "1000", "TQQQ");
        assertEquals(1, cli.code);
        assertTrue(cli.out.toString().contains("problem: Needs $"), cli.out.toString());
        assertTrue(broker.submits.isEmpty());
    }
}
