package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.context.TestBrokers;
import org.leverdesk.config.AlpacaEndpoint;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerKind;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.domain.Side;
import org.leverdesk.testing.ScriptedBroker;

/** {@code run}, {@code orders}, {@code positions} and {@code force-exit} through the real command line. */
class LiveCommandsTest {
    // 2025-12-31 (the month's last session) 15:50 in New York: --as-of 2025-12-31 decides at this instant.
    private static final Instant AS_OF = Instant.parse("2025-12-31T20:50:00Z");
    private static final String ID = "ld-monthly-rebalance-v1-20251231-buy-TQQQ";

    @TempDir
    Path tmp;
    private final ScriptedBroker broker = new ScriptedBroker(10_000, AS_OF).price("TQQQ", 50);
    private String[] common;
    private String config;

    @BeforeEach
    void setUp() throws IOException {
        Path prices = Files.createDirectories(tmp.resolve("prices"));
        Files.writeString(prices.resolve("TQQQ.csv"), """
                date,open,high,low,close,volume,adj_close
                2025-12-29,48,49,47,48,1000,48
                2025-12-30,48,50,48,49,1000,49
                2025-12-31,49,51,49,50,1000,50
                """);
        Path config = tmp.resolve("config.json");
        new ConfigFile(config).save(new AppConfig(BrokerSettings.defaults(), RiskSettings.defaults(),
                List.of(new StrategySettings("monthly-rebalance", true, 1.0, Map.of("allocation", "2000"), null)), null));
        common = new String[] {"--prices", prices.toString(), "--data-dir", tmp.resolve("store").toString(), "--create"};
        this.config = config.toString();
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
        if (List.of("run", "force-exit", "orders", "positions", "close-all").contains(args[0])) {
            all.addAll(List.of("--config", config));
        }
        cli.run(all.toArray(String[]::new));
        return cli;
    }

    @Test
    void aDryRunPrintsTheOrderItWouldSendAndSendsAndRecordsNothing() {
        CliRun cli = run("run", "--dry-run", "--as-of", "2025-12-31");
        assertEquals(0, cli.code, cli.err.toString());
        List<String> lines = cli.out.toString().lines().toList();
        assertEquals("replay of 2025-12-31 at 15:50 New York time on a fresh paper account (broker scripted; nothing is kept)"
                + " - DRY RUN: nothing is sent", lines.get(0));
        assertEquals("strategy monthly-rebalance v1 (capital share 100%), trading day 2025-12-31", lines.get(1));
        assertEquals("decision: initial buy: floor($2,000.00 / $50.00) = 40 TQQQ (held 0)", lines.get(2));
        // LIMIT_FROM_MID at 50 bps: mid 50.00 x 1.005 = 50.25
        assertEquals("would send: buy 40 TQQQ LIMIT $50.25 DAY (" + ID + ") - target 40 TQQQ, holding 0", lines.get(3));
        assertTrue(broker.submits.isEmpty());
        CliRun orders = run("orders");
        assertEquals("no orders recorded", orders.out.toString().strip(), orders.err.toString());
    }

    @Test
    void aReplayIsKeptApartAndItsSecondSendIsRefusedAsADuplicateNotDoubled() {
        CliRun first = run("run", "--as-of", "2025-12-31");
        assertEquals(0, first.code, first.err.toString());
        assertTrue(first.out.toString().contains("order: buy 40 TQQQ LIMIT $50.25 DAY (" + ID + ") SENT ACCEPTED - sent, broker order b-1"),
                first.out.toString());
        // Each replay starts from an empty store, so the second one sends the same deterministic id again;
        // the broker refuses the duplicate and the run adopts the order it already has: one order, not two.
        CliRun second = run("run", "--as-of", "2025-12-31");
        assertEquals(0, second.code, second.err.toString());
        assertTrue(second.out.toString().contains("(" + ID + ") ADOPTED"), second.out.toString());
        assertEquals(1, broker.allOrders().size());

        // Nothing of the replays reaches the user's own store.
        CliRun json = run("orders", "--json");
        assertEquals(0, json.code, json.err.toString());
        assertTrue(json.out.toString().contains("\"orders\" : [ ]"), json.out.toString());
    }

    @Test
    void positionsListsTheBrokersAccountAndPositions() {
        broker.position("TQQQ", 10);
        CliRun text = run("positions");
        assertEquals(0, text.code, text.err.toString());
        List<String> lines = text.out.toString().lines().toList();
        assertEquals("broker scripted, account test-account", lines.get(0));
        assertEquals("equity $10,500.00  cash $10,000.00  buying power $10,000.00  day P&L $0.00", lines.get(1));
        assertTrue(lines.get(2).startsWith("TQQQ           10 @         50"), lines.get(2));
        CliRun json = run("positions", "--json");
        assertTrue(json.out.toString().contains("\"symbol\" : \"TQQQ\""), json.out.toString());
        assertTrue(json.out.toString().contains("\"equity\" : \"10500\""), json.out.toString());
    }

    @Test
    void forceExitClosesTheStrategysPositionAndNeedsAChoice() {
        broker.position("TQQQ", 10);
        CliRun cli = run("force-exit", "--strategy", "monthly-rebalance");
        assertEquals(0, cli.code, cli.err.toString());
        List<String> lines = cli.out.toString().lines().toList();
        assertEquals("Close strategy monthly-rebalance (TQQQ) at scripted: 0 orders cancelled, 1 position closed, flat",
                lines.get(0));
        assertTrue(lines.contains("  TQQQ 10: closed - closing order b-1 MARKET FILLED"), lines.toString());
        assertEquals(Side.SELL, broker.allOrders().get(0).side());
        assertTrue(broker.positions().isEmpty());

        CliRun none = run("force-exit");
        assertEquals(2, none.code);
        assertTrue(none.err.toString().startsWith("error: Error: Missing required argument"), none.err.toString());
    }

    @Test
    void anUnknownStrategyIsAOneLineError() {
        CliRun cli = run("run", "--strategy", "nope", "--dry-run");
        assertEquals(2, cli.code);
        assertTrue(cli.err.toString().startsWith("error: strategy 'nope' is not in "), cli.err.toString());
        assertTrue(cli.err.toString().strip().endsWith("(configured: monthly-rebalance); add it in Settings"), cli.err.toString());
    }

    @Test
    void liveTradingNeedsTheConfirmationFlag() {
        new ConfigFile(Path.of(config)).save(new AppConfig(new BrokerSettings(BrokerKind.ALPACA, AlpacaEndpoint.LIVE, true),
                RiskSettings.defaults(), List.of(new StrategySettings("monthly-rebalance", true, 1.0, Map.of(), null)), null));
        CliRun cli = run("run");
        assertEquals(2, cli.code);
        assertTrue(cli.err.toString().contains("select LIVE trading with real money; add --confirm-live to send orders, or use"
                + " --dry-run"), cli.err.toString());
        assertTrue(broker.submits.isEmpty());
        CliRun dry = run("run", "--dry-run");
        assertEquals(0, dry.code, dry.err.toString());
        assertTrue(dry.out.toString().startsWith("mode: LIVE (broker scripted) - DRY RUN"), dry.out.toString());
        assertTrue(broker.submits.isEmpty());
        // A replay of a past day never reaches the live account: it runs on a throwaway paper account.
        CliRun replay = run("run", "--as-of", "2025-12-31");
        assertEquals(0, replay.code, replay.err.toString());
        assertTrue(replay.out.toString().startsWith("replay of 2025-12-31"), replay.out.toString());
    }

    @Test
    void withoutATestDoubleTheBuiltInPaperBrokerIsUsed() {
        TestBrokers.reset();
        CliRun cli = run("positions");
        assertEquals(0, cli.code, cli.err.toString());
        List<String> lines = cli.out.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("broker paper"), lines.get(0));
        assertEquals("equity $100,000.00  cash $100,000.00  buying power $100,000.00  day P&L $0.00", lines.get(1));
    }
}
