package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leverdesk.schedule.SimulatedClock.et;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.context.TestBrokers;
import org.leverdesk.app.control.ControlMessages.Reply;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.broker.sim.SimBroker;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.NotificationSettings;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.domain.Side;
import org.leverdesk.emergency.EmergencyCloseOptionsTest;
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
        Path prices = DaemonAccountFixture.prices(tmp, "TQQQ", "QQQ");
        DaemonAccountFixture.PutSpread legs = DaemonAccountFixture.holdSharesAndPutSpread(data, prices);
        String short60 = legs.short60();
        String long55 = legs.long55();
        AppConfig config = new ConfigFile(config()).read();
        SimulatedClock clock = new SimulatedClock(et("2025-12-31T15:00"), et("2025-12-31T15:40"));
        Reply reply = DaemonAccountFixture.controlCommandWhileDaemonRuns(data, prices, config,
                new Secrets(tmp.resolve("secrets.properties"), Map.of()), clock, et("2025-12-31T15:30"),
                List.of("close-all", "--options", "--data-dir", data.toString()));
        assertEquals(0, reply.exit(), reply.out() + reply.err());
        assertTrue(reply.out().startsWith("Close every option position at paper: 0 orders cancelled, 2 positions closed,"
                + " flat\n"), reply.out());
        assertTrue(reply.out().contains(short60 + " -3: closed - multi-leg ld-emergency-mleg-"), reply.out());
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
