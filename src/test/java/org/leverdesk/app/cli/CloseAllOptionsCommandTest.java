package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leverdesk.schedule.SimulatedClock.et;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.context.TestBrokers;
import org.leverdesk.app.control.ControlClient;
import org.leverdesk.app.control.ControlMessages.Reply;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.Quote;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.broker.sim.SimBroker;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.NotificationSettings;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.emergency.EmergencyCloseOptionsTest;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.notify.NotifyOptions;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.risk.RiskGate;
import org.leverdesk.risk.TradingState;
import org.leverdesk.schedule.SimulatedClock;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.TradingStateRepository;

/**
 * {@code leverdesk close-all --options} from the command line (straight to the broker) and forwarded over the
 * daemon's control channel (done by the daemon's own emergency exit on its paper account): every option position
 * closed, spreads as one multi-leg order, shares kept, trading not halted, a report line per position.
 */
class CloseAllOptionsCommandTest {
    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        TestBrokers.reset();
    }

    private Path config() throws Exception {
        Path config = tmp.resolve("config.json");
        new ConfigFile(config).save(new AppConfig(BrokerSettings.defaults(), RiskSettings.defaults(),
                List.of(new StrategySettings("monthly-rebalance", true, 1.0, Map.of("allocation", "2000"), null)),
                new NotificationSettings(false, false, null, false, false, null, 587, null, null, null)));
        return config;
    }

    @Test
    void fromTheCommandLineEveryOptionIsClosedAndTheSharesStay() throws Exception {
        Path data = tmp.resolve("data");
        Store.open(data).close();
        SimBroker broker = EmergencyCloseOptionsTest.account();
        TestBrokers.use(broker);
        CliRun run = new CliRun();
        run.run("close-all", "--options", "--data-dir", data.toString(), "--config", config().toString());
        assertEquals(0, run.code, run.out + " " + run.err);
        List<String> lines = run.out.toString().lines().toList();
        // DEMO: the empty store trades the simulated demo market.
        assertEquals("DEMO Close every option position at sim: 0 orders cancelled, 4 positions closed, flat",
                lines.get(0), run.out.toString());
        String out = run.out.toString();
        assertTrue(out.contains(EmergencyCloseOptionsTest.PUT_480 + " -2: closed - multi-leg ld-emergency-mleg-"), out);
        assertTrue(out.contains(EmergencyCloseOptionsTest.CALL_500 + " -1: closed"), out);
        assertEquals(Map.of("QQQ", "100"), EmergencyCloseOptionsTest.held(broker));
        try (Store store = Store.open(data)) {
            assertEquals(TradingState.ACTIVE, new RiskGate(new TradingStateRepository(store, Clock.systemUTC()),
                    new JournalRepository(store, Clock.systemUTC())).state());
        }
    }

    @Test
    void overTheDaemonsControlChannelItsPaperAccountClosesItsOptions() throws Exception {
        Path data = tmp.resolve("data");
        Path prices = Files.createDirectories(tmp.resolve("prices"));
        for (String symbol : List.of("TQQQ", "QQQ")) {
            Files.writeString(prices.resolve(symbol + ".csv"), """
                    date,open,high,low,close,volume,adj_close
                    2025-12-29,55.50,55.70,54.60,54.90,41000000,54.90
                    2025-12-30,54.80,55.20,54.30,54.70,39000000,54.70
                    """.replace("5", symbol.equals("QQQ") ? "6" : "5"));
        }
        LocalDate expiry = LocalDate.of(2026, 1, 16);
        String short60 = OptionContract.of("QQQ", expiry, OptionRight.PUT, "60").occSymbol();
        String long55 = OptionContract.of("QQQ", expiry, OptionRight.PUT, "55").occSymbol();
        Instant morning = et("2025-12-31T10:00");
        try (Store store = Store.open(data)) {
            PaperBroker paper = new PaperBroker(store, new CsvDirectoryMarketData(prices, new CsvBarReader(new NyseCalendar())),
                    Clock.fixed(morning, ZoneOffset.UTC));
            paper.onQuote(new Quote(short60, 1.00, 1.10, 1.05, morning));
            paper.onQuote(new Quote(long55, 0.40, 0.50, 0.45, morning));
            paper.submit(EmergencyCloseOptionsTest.order("t-buy", "TQQQ", Side.BUY, 20));
            paper.submitMultiLeg(new MultiLegOrderRequest("m-1", List.of(EmergencyCloseOptionsTest.order("m-1-s", short60,
                    Side.SELL, 3), EmergencyCloseOptionsTest.order("m-1-l", long55, Side.BUY, 3)), OrderType.MARKET, TimeInForce.DAY,
                    null));
            assertEquals(3, paper.positions().size());
        }
        AppConfig config = new ConfigFile(config()).read();
        SimulatedClock clock = new SimulatedClock(et("2025-12-31T15:00"), et("2025-12-31T15:40"));
        AtomicReference<Reply> reply = new AtomicReference<>();
        clock.at(et("2025-12-31T15:30"), () -> {
            Thread other = new Thread(() -> reply.set(ControlClient.send(data, List.of("close-all", "--options", "--data-dir",
                    data.toString()), Duration.ofSeconds(60)).orElseThrow()));
            other.start();
            while (other.isAlive()) {
                try {
                    other.join();
                } catch (InterruptedException e) {
                    // the scheduler's wake-up; keep waiting for the other shell's command
                }
            }
        });
        Daemon daemon = Daemon.start(data, prices, config, new Secrets(tmp.resolve("secrets.properties"), Map.of()), clock,
                NotifyOptions.defaults());
        try {
            assertTrue(clock.awaitEnd(Duration.ofSeconds(60)));
            assertTrue(daemon.requestStop());
        } finally {
            daemon.close();
        }
        assertEquals(0, reply.get().exit(), reply.get().out() + reply.get().err());
        assertTrue(reply.get().out().startsWith("Close every option position at paper: 0 orders cancelled, 2 positions closed,"
                + " flat\n"), reply.get().out());
        assertTrue(reply.get().out().contains(short60 + " -3: closed - multi-leg ld-emergency-mleg-"), reply.get().out());
        try (Store store = Store.open(data)) {
            PaperBroker paper = new PaperBroker(store, null, Clock.fixed(et("2025-12-31T15:41"), ZoneOffset.UTC));
            assertEquals(Map.of("TQQQ", "20"), EmergencyCloseOptionsTest.held(paper));
            // bought back at 1.10, sold at 0.40, each leg its own fill
            assertEquals(4, paper.fills().stream().filter(f -> !f.symbol().equals("TQQQ")).count());
            assertEquals(0, paper.fills().stream().filter(f -> f.symbol().equals(short60) && f.side() == Side.BUY)
                    .findFirst().orElseThrow().price().compareTo(new BigDecimal("1.1")));
            assertEquals(TradingState.ACTIVE, new RiskGate(new TradingStateRepository(store, Clock.systemUTC()),
                    new JournalRepository(store, Clock.systemUTC())).state());
        }
    }
}
