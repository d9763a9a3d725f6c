package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.context.Brokers;
import org.leverdesk.broker.alpaca.FakeAlpacaServer;
import org.leverdesk.config.AlpacaEndpoint;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerKind;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.Store;

/**
 * {@code leverdesk run} against the fake Alpaca server: an order the broker accepted and that was resting when
 * the run ended is rejected afterwards (Alpaca or the exchange can do that at any time); the next run finds it in
 * its reconciliation, says so, stores the rejection and exits 1, as the command's help says ("Exit code 1 when an
 * order was rejected (now, or since the last run)"), so cron or systemd sees the failure.
 */
class RunLateRejectionExitTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @TempDir
    Path tmp;
    private FakeAlpacaServer fake;
    private Path config;
    private Path prices;
    private String day;

    @BeforeEach
    void setUp() throws IOException {
        fake = FakeAlpacaServer.startOnWallClock();
        // A buy limit 1 bp through the 50.00 mid rests below the 50.05 ask: accepted, not filled.
        fake.setQuote("TQQQ", 49.95, 50.05);
        System.setProperty(Brokers.ALPACA_URL_PROPERTY, fake.baseUrl().toString());
        // The fake's session is open whatever the calendar says (today may be a weekend).
        System.setProperty("leverdesk.exchangeHours", "broker");
        NyseCalendar calendar = new NyseCalendar();
        // Bars ending on last month's last session: monthly-rebalance decides a month end, always for that day.
        LocalDate monthEnd = calendar.previousTradingDay(LocalDate.now(NEW_YORK).withDayOfMonth(1));
        prices = Files.createDirectories(tmp.resolve("prices"));
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = monthEnd; days.size() < 5; d = calendar.previousTradingDay(d)) {
            days.add(0, d);
        }
        StringBuilder csv = new StringBuilder("date,open,high,low,close,volume,adj_close\n");
        days.forEach(d -> csv.append(d).append(",50,50,50,50,1000,50\n"));
        Files.writeString(prices.resolve("TQQQ.csv"), csv);
        day = monthEnd.toString().replace("-", "");
        config = tmp.resolve("config.json");
        // The month-end prices may be a month old: the run is told to accept prices that old.
        new ConfigFile(config).save(new AppConfig(new BrokerSettings(BrokerKind.ALPACA, AlpacaEndpoint.PAPER, false),
                new RiskSettings(2.0, 100.0, 0.5, 190, 900, 30),
                List.of(new StrategySettings("monthly-rebalance", true, 0.5,
                        Map.of("allocation", "2000", "symbol", "TQQQ", "limitOffsetBps", "1"), null)), null));
        Path secrets = tmp.resolve(Secrets.FILE_NAME);
        Files.writeString(secrets, Secrets.ALPACA_KEY_ID + "=" + FakeAlpacaServer.KEY_ID + "\n" + Secrets.ALPACA_SECRET_KEY + "="
                + FakeAlpacaServer.SECRET_KEY + "\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(Brokers.ALPACA_URL_PROPERTY);
        System.clearProperty("leverdesk.exchangeHours");
        fake.close();
    }

    private CliRun run() {
        CliRun c = new CliRun();
        c.run("run", "--config", config.toString(), "--data-dir", tmp.resolve("data").toString(), "--create", "--prices",
                prices.toString());
        return c;
    }

    @Test
    void aRestingOrderTheBrokerRejectsAfterTheRunMakesTheNextRunExit1() {
        CliRun first = run();
        assertEquals(0, first.code, "the order is sent and rests: " + first.out + first.err);
        // The one order at the broker; its client order id names the strategy's version, its day and its leg.
        assertEquals(1, fake.statuses().size(), fake.statuses().toString());
        String cid = fake.statuses().keySet().iterator().next();
        assertTrue(cid.startsWith("ld-monthly-rebalance-v") && cid.endsWith("-" + day + "-buy-TQQQ"), cid);
        assertTrue(first.out.toString().contains("order: buy 40 TQQQ LIMIT"), first.out.toString());
        assertTrue(first.out.toString().contains("(" + cid + ") SENT"), first.out.toString());
        assertEquals(1, fake.ordersWithClientId(cid));
        assertTrue(List.of("new", "accepted").contains(fake.statusOf(cid)), fake.statusOf(cid));

        fake.rejectOrder(cid);
        CliRun second = run();

        assertEquals(1, second.code, "a late rejection exits 1: " + second.out + second.err);
        assertTrue(second.out.toString().contains("order " + cid + " of monthly-rebalance ended REJECTED at the broker (filled 0 of 40)"),
                second.out.toString());
        assertEquals(1, fake.ordersWithClientId(cid), "the rejected client order id is not sent again");
        try (Store store = Store.open(tmp.resolve("data"))) {
            assertEquals(OrderStatus.REJECTED, new OrderRepository(store, java.time.Clock.systemUTC())
                    .findByClientOrderId(cid).orElseThrow().status());
        }
    }
}
