package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.alpaca.FakeAlpacaServer;
import org.leverdesk.broker.alpaca.FakeAlpacaServer.Fault;
import org.leverdesk.config.AlpacaEndpoint;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerKind;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.StoredOrder;

/**
 * Crash safety of {@code leverdesk run} against the fake Alpaca server: a real child JVM runs the
 * command and is killed ({@code destroyForcibly}, no shutdown hooks) at each step of sending an
 * order, then the command is run again. Whatever the step, the broker never holds two orders for one
 * client order id, the recorded intent survives the kill, and the restart's reconciliation repairs its
 * status and journals the difference. The killed process leaves the store's lock file behind; the restart
 * (and this test) must open the store anyway.
 */
@Tag("slow")
class RunKillRestartTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Far longer than the test waits, so the child is always killed while the fake holds its request. */
    private static final Duration HOLD = Duration.ofMinutes(5);

    @TempDir
    Path tmp;
    private FakeAlpacaServer fake;
    private Path data;
    private Path prices;
    private Path config;
    private String cid;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        fake = FakeAlpacaServer.startOnWallClock();
        fake.setQuote("TQQQ", 49.99, 50.01);
        fake.setQuote("SQQQ", 19.99, 20.01);
        fake.setSlowDelay(HOLD);
        data = tmp.resolve("data");
        prices = Files.createDirectories(tmp.resolve("prices"));
        // The bars end on the last session of last month, so monthly-rebalance trades on every run (month end),
        // always for that day: every run plans the same client order id.
        NyseCalendar calendar = new NyseCalendar();
        LocalDate monthEnd = calendar.previousTradingDay(LocalDate.now(NEW_YORK).withDayOfMonth(1));
        assertTrue(calendar.isLastTradingDayOfMonth(monthEnd));
        writeBars(calendar, "TQQQ", monthEnd, 50);
        writeBars(calendar, "SQQQ", monthEnd, 20);
        writeBars(calendar, "QQQ", monthEnd, 400);
        cid = "ld-monthly-rebalance-v1-" + monthEnd.toString().replace("-", "") + "-buy-TQQQ";
        config = tmp.resolve("config.json");
        // rsi2 is a second enabled strategy, so a whole run makes broker calls after monthly-rebalance's order.
        // The month-end prices are up to a month old, so the run is told to accept prices that old.
        RiskSettings risk = new RiskSettings(2.0, 100.0, 0.5, 190, 900, 30);
        new ConfigFile(config).save(new AppConfig(new BrokerSettings(BrokerKind.ALPACA, AlpacaEndpoint.PAPER, false),
                risk, List.of(
                        new StrategySettings("monthly-rebalance", true, 0.5, Map.of("allocation", "2000", "symbol", "TQQQ"), null),
                        // rsi2 on QQQ (and its SQQQ hedge): two strategies may not hold one symbol in one account.
                        new StrategySettings("rsi2", true, 0.5, Map.of("symbol", "QQQ"), null)), null));
    }

    @AfterEach
    void tearDown() {
        started.forEach(Process::destroyForcibly);
        fake.close();
    }

    private void writeBars(NyseCalendar calendar, String symbol, LocalDate last, double close) throws IOException {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = last; days.size() < 5; d = calendar.previousTradingDay(d)) {
            days.add(0, d);
        }
        StringBuilder csv = new StringBuilder("date,open,high,low,close,volume,adj_close\n");
        for (LocalDate d : days) {
            csv.append(d).append(',').append(close).append(',').append(close).append(',').append(close).append(',')
                    .append(close).append(",1000,").append(close).append('\n');
        }
        Files.writeString(prices.resolve(symbol + ".csv"), csv);
    }

    /** Starts {@code leverdesk run [extra]} in a child JVM on the test classpath; its output goes to {@code log}. */
    private Process startRun(Path log, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Dleverdesk.alpaca.url=" + fake.baseUrl(), "-Dleverdesk.exchangeHours=broker", "-cp", System.getProperty("java.class.path"),
                "org.leverdesk.app.Main", "run", "--config", config.toString(), "--data-dir", data.toString(), "--create",
                "--prices", prices.toString()));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("ALPACA_KEY_ID", FakeAlpacaServer.KEY_ID);
        env.put("ALPACA_SECRET_KEY", FakeAlpacaServer.SECRET_KEY);
        env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
        env.put("XDG_CONFIG_HOME", Files.createDirectories(tmp.resolve("xdg-config")).toString());
        env.put("XDG_DATA_HOME", Files.createDirectories(tmp.resolve("xdg-data")).toString());
        env.put("LEVERDESK_LOG_DIR", Files.createDirectories(tmp.resolve("logs")).toString());
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** Waits until {@code reached} holds while the child lives, then kills it hard. */
    private void killWhen(Process p, Path log, BooleanSupplier reached, String step) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!reached.getAsBoolean()) {
            if (!p.isAlive()) {
                fail("the child ended (exit " + p.exitValue() + ") before " + step + ":\n" + Files.readString(log)
                        + "\nrequests: " + fake.requests());
            }
            if (System.nanoTime() > deadline) {
                fail("the child did not reach " + step + " within " + WAIT + ":\n" + Files.readString(log));
            }
            Thread.sleep(20);
        }
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the killed child did not end");
    }

    /** Runs the command again without faults and returns its output; it must succeed. */
    private String restart() throws Exception {
        Path log = tmp.resolve("restart.log");
        Process p = startRun(log, "--strategy", "monthly-rebalance");
        assertTrue(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "the restarted run did not finish");
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** Opens the store the killed child left behind (its lock file included) and reads the order and journal. */
    private Snapshot storeState() {
        try (Store store = Store.open(data)) {
            OrderRepository orders = new OrderRepository(store, Clock.systemUTC());
            StoredOrder order = orders.findByClientOrderId(cid).orElse(null);
            return new Snapshot(order, orders.recent(10), new JournalRepository(store, Clock.systemUTC()).recent(500));
        }
    }

    private record Snapshot(StoredOrder order, List<StoredOrder> recentOrders, List<JournalEntry> journal) {
        List<String> messages(String kind) {
            return journal.stream().filter(e -> e.kind().equals(kind)).map(JournalEntry::message).toList();
        }
    }

    @Test
    void killedAfterTheIntentIsStoredBeforeTheBrokerHasTheOrder() throws Exception {
        // The POST reaches the fake, which holds it without recording it; the order dies with the process.
        fake.inject("POST", "/v2/orders", Fault.HANG, 1);
        Path log = tmp.resolve("first.log");
        killWhen(startRun(log, "--strategy", "monthly-rebalance"), log, () -> fake.count("POST", "/v2/orders") >= 1,
                "sending the order");
        assertTrue(Files.exists(data.resolve("store.lock")), "the kill should leave the store's lock file behind (the OS released its lock)");

        Snapshot killed = storeState();
        assertNotNull(killed.order(), "the intent stored before the send was lost by the kill; stored: " + killed.recentOrders());
        assertEquals(OrderStatus.NEW, killed.order().status());
        assertEquals(0, fake.orderCount());

        String out = restart();

        Snapshot after = storeState();
        String pending = "order " + cid + " was recorded but never reached the broker; today's run sends it once with the"
                + " same client order id";
        assertTrue(out.contains("  difference: " + pending), out);
        // The restart sends the recorded intent once, under the same client order id.
        assertTrue(out.contains("order: buy 40 TQQQ LIMIT $50.25 DAY (" + cid + ") SENT "), out);
        assertTrue(out.contains("recorded earlier but never reached the broker; sent now"), out);
        assertNotNull(after.order().brokerOrderId());
        assertEquals(killed.order().id(), after.order().id());
        assertEquals(List.of(pending), after.messages("reconcile"));
        assertEquals(2, fake.count("POST", "/v2/orders"), fake.requests().toString());
        assertEquals(1, fake.ordersWithClientId(cid));
        assertEquals(1, fake.orderCount());
    }

    @Test
    void killedAfterTheBrokerRecordedTheOrderBeforeTheAnswer() throws Exception {
        // The fake records (and fills) the order, then holds the answer: the child never learns of it.
        fake.inject("POST", "/v2/orders", Fault.SLOW_AFTER_RECORD, 1);
        Path log = tmp.resolve("first.log");
        killWhen(startRun(log, "--strategy", "monthly-rebalance"), log, () -> fake.ordersWithClientId(cid) == 1,
                "the broker recording the order");

        Snapshot killed = storeState();
        assertNotNull(killed.order(), "the intent stored before the send was lost by the kill; stored: " + killed.recentOrders());
        assertEquals(OrderStatus.NEW, killed.order().status());
        assertNull(killed.order().brokerOrderId());

        String out = restart();

        Snapshot after = storeState();
        String repaired = "order " + cid + ": store said NEW, broker says FILLED (filled 40 of 40 at $50.01); updated";
        assertTrue(out.contains("  difference: " + repaired), out);
        assertTrue(out.contains("position TQQQ: 0 at the last snapshot, 40 now"), out);
        assertTrue(out.contains("no orders"), "the 40 shares are held; nothing more to send:\n" + out);
        assertEquals(OrderStatus.FILLED, after.order().status());
        assertNotNull(after.order().brokerOrderId());
        assertEquals(killed.order().id(), after.order().id());
        assertEquals(List.of(repaired), after.messages("reconcile"));
        assertEquals(1, fake.count("POST", "/v2/orders"), "the order was sent again: " + fake.requests());
        assertEquals(1, fake.ordersWithClientId(cid));
        assertEquals(1, fake.orderCount());
    }

    @Test
    void killedAfterTheFillWhileTheRunGoesOn() throws Exception {
        // The order fills and the child records it; then the next strategy's reconciliation hangs on its
        // positions read (the third GET /v2/positions of the run: the first strategy reads them to reconcile
        // and to size its decision) and the child is killed there.
        fake.injectAfter("GET", "/v2/positions", 2, Fault.HANG, 1);
        Path log = tmp.resolve("first.log");
        killWhen(startRun(log), log, () -> fake.count("GET", "/v2/positions") >= 3, "the second strategy's reconciliation");

        Snapshot killed = storeState();
        assertNotNull(killed.order(), "the filled order's record was lost by the kill; stored: " + killed.recentOrders());
        assertEquals(OrderStatus.FILLED, killed.order().status());
        assertNotNull(killed.order().brokerOrderId());
        assertEquals(1, fake.ordersWithClientId(cid));

        String out = restart();

        Snapshot after = storeState();
        assertTrue(out.contains("reconciled: 1 positions, 0 open orders, 0 differences"), out);
        assertTrue(out.contains("position TQQQ: 0 at the last snapshot, 40 now"), out);
        assertTrue(out.contains("no orders"), out);
        assertEquals(killed.order(), after.order());
        assertTrue(after.messages("position-change").contains("position TQQQ: 0 at the last snapshot, 40 now"),
                after.journal().toString());
        assertTrue(after.messages("order").stream().anyMatch(m -> m.startsWith(cid + " buy 40 TQQQ LIMIT $50.25 DAY: SENT")),
                after.journal().toString());
        assertEquals(1, fake.count("POST", "/v2/orders"), "the order was sent again: " + fake.requests());
        assertEquals(1, fake.ordersWithClientId(cid));
    }
}
