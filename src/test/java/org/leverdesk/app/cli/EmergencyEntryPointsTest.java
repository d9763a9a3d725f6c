package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leverdesk.schedule.SimulatedClock.et;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.context.TestBrokers;
import org.leverdesk.app.control.ControlMessages.Reply;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.NotificationSettings;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.risk.RiskGate;
import org.leverdesk.risk.TradingState;
import org.leverdesk.schedule.SimulatedClock;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderIntent;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.TradingStateRepository;
import org.leverdesk.testing.ScriptedBroker;

/**
 * Close all from the command line and through the daemon's control channel: the account ends flat and
 * HALTED, the recorded orders CANCELED, and a scheduled run right after sends nothing.
 */
class EmergencyEntryPointsTest {
    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        TestBrokers.reset();
    }

    /** Prices of every session from {@code from} to the last completed one, so a run today is not stale. */
    private Path pricesUpToToday(LocalDate from) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("prices"));
        NyseCalendar cal = new NyseCalendar();
        LocalDate last = cal.previousTradingDay(LocalDate.now(NyseCalendar.ZONE).plusDays(1));
        StringBuilder csv = new StringBuilder("date,open,high,low,close,volume,adj_close\n");
        for (LocalDate d : cal.tradingDays(from, last)) {
            csv.append(d).append(",50,50,50,50,1000,50\n");
        }
        Files.writeString(dir.resolve("TQQQ.csv"), csv);
        return dir;
    }

    private CliRun cli(String... args) {
        CliRun c = new CliRun();
        c.run(args);
        return c;
    }

    @Test
    void closeAllFromTheCommandLineHaltsCancelsClosesAndTheNextRunSendsNothing() throws Exception {
        Path data = tmp.resolve("data");
        Path config = tmp.resolve("config.json");
        new ConfigFile(config).save(new AppConfig(BrokerSettings.defaults(), RiskSettings.defaults(),
                List.of(new StrategySettings("monthly-rebalance", true, 1.0, Map.of("allocation", "2000"), null)),
                new NotificationSettings(false, false, null, false, false, null, 587, null, null, null)));
        Path prices = pricesUpToToday(LocalDate.now().minusMonths(2));
        ScriptedBroker broker = new ScriptedBroker(10_000, Instant.now()).price("TQQQ", 50).position("TQQQ", 30);
        // An order the store recorded and the broker still holds open.
        try (Store store = Store.open(data)) {
            OrderRepository orders = new OrderRepository(store, Clock.systemUTC());
            orders.insertIntent(new OrderIntent("ld-monthly-rebalance-v1-20251231-buy-TQQQ", "monthly-rebalance",
                    LocalDate.of(2025, 12, 31), "buy-TQQQ", "TQQQ", Side.BUY, BigDecimal.TEN, OrderType.LIMIT, TimeInForce.DAY,
                    new BigDecimal("49"), null));
            var o = broker.existing(new OrderRequest("ld-monthly-rebalance-v1-20251231-buy-TQQQ", "TQQQ", Side.BUY, BigDecimal.TEN,
                    OrderType.LIMIT, TimeInForce.DAY, new BigDecimal("49"), null));
            orders.updateStatus(o.clientOrderId(), OrderStatus.ACCEPTED, o.brokerOrderId());
        }
        TestBrokers.use(broker);
        String[] where = {"--data-dir", data.toString(), "--config", config.toString()};

        CliRun close = cli(concat(new String[] {"force-exit", "--all", "--prices", prices.toString()}, where));
        assertEquals(0, close.code, close.out + " " + close.err);
        List<String> lines = close.out.toString().lines().toList();
        assertEquals("Close the whole account at scripted: 1 order cancelled, 1 position closed, flat; trading HALTED",
                lines.get(0));
        assertEquals("  cancelled order ld-monthly-rebalance-v1-20251231-buy-TQQQ (buy 10 TQQQ LIMIT): CANCELED; recorded",
                lines.get(2));
        assertTrue(broker.positions().isEmpty() && broker.openOrders().isEmpty());

        CliRun orders = cli(concat(new String[] {"orders"}, where));
        assertTrue(orders.out.toString().contains(" CANCELED "), orders.out.toString());

        CliRun run = cli(concat(new String[] {"run", "--strategy", "monthly-rebalance", "--prices", prices.toString()}, where));
        assertTrue(run.out.toString().contains("trading is HALTED: orders that add to a position are denied until 'leverdesk"
                + " resume'"), run.out.toString());
        assertTrue(broker.submits.isEmpty(), "nothing sent after the close: " + broker.submits);

        CliRun journal = cli("journal", "--kind", "emergency", "--data-dir", data.toString());
        assertTrue(journal.out.toString().contains("emergency exit of the whole account at scripted requested by cli"),
                journal.out.toString());
        assertEquals(0, cli("resume", "--data-dir", data.toString()).code);
        try (Store store = Store.open(data)) {
            assertEquals(TradingState.ACTIVE, new RiskGate(new TradingStateRepository(store, Clock.systemUTC()),
                    new JournalRepository(store, Clock.systemUTC())).state());
        }
    }

    @Test
    void closeAllOverTheDaemonsControlChannelStopsItsScheduledRun() throws Exception {
        Path data = tmp.resolve("data");
        Path prices = DaemonAccountFixture.prices(tmp, "TQQQ");
        DaemonAccountFixture.holdSharesAndRestingLimit(data, prices);
        AppConfig config = new AppConfig(BrokerSettings.defaults(), RiskSettings.defaults(),
                List.of(new StrategySettings("monthly-rebalance", true, 1.0, Map.of("allocation", "2000"), null)),
                new NotificationSettings(false, false, null, false, false, null, 587, null, null, null));
        // 15:30: someone runs close-all in another shell; 15:50 is monthly-rebalance's minute on the month's last session.
        SimulatedClock clock = new SimulatedClock(et("2025-12-31T15:00"), et("2025-12-31T16:05"));
        // The command runs in another thread, as another process would; simulated time waits for it (the halt
        // wakes the scheduler with an interrupt, which the wait rides out).
        Reply reply = DaemonAccountFixture.controlCommandWhileDaemonRuns(data, prices, config,
                new Secrets(tmp.resolve("secrets.properties"), Map.of()), clock, et("2025-12-31T15:30"),
                List.of("close-all", "--data-dir", data.toString()));
        assertEquals(0, reply.exit(), reply.out() + reply.err());
        assertTrue(reply.out().startsWith("Close the whole account at paper: 1 order cancelled, 1 position closed, flat;"
                + " trading HALTED"), reply.out());
        try (Store store = Store.open(data)) {
            assertTrue(new OrderRepository(store, Clock.systemUTC()).recent(10).isEmpty(), "the 15:50 job sent nothing");
            JournalRepository journal = new JournalRepository(store, Clock.systemUTC());
            assertEquals(TradingState.HALTED, new RiskGate(new TradingStateRepository(store, Clock.systemUTC()), journal).state());
            List<String> kinds = journal.recent(100).stream().map(JournalEntry::kind).toList();
            assertTrue(kinds.contains("emergency") && kinds.contains("trading-state"), kinds.toString());
            assertTrue(kinds.stream().noneMatch(k -> k.equals("decision") || k.equals("order")), kinds.toString());
            PaperBroker paper = new PaperBroker(store, null, Clock.fixed(et("2025-12-31T16:05"), ZoneOffset.UTC));
            assertTrue(paper.positions().isEmpty());
            assertTrue(paper.openOrders().isEmpty());
            assertEquals(OrderStatus.CANCELED, paper.orderByClientOrderId("t-dip").orElseThrow().status());
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
