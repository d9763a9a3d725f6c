package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leverdesk.schedule.SimulatedClock.et;

import java.nio.file.Files;
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
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.broker.sim.SimBroker;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.NotificationSettings;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.emergency.EmergencyCloseOptionsTest;
import org.leverdesk.emergency.EmergencyStrategyOptionsTest;
import org.leverdesk.schedule.SimulatedClock;
import org.leverdesk.store.Store;

/**
 * {@code leverdesk force-exit --strategy spreads} on a paper account where the wheel and spreads are both short the
 * QQQ 60 put (the account −3, decision record 0031): over the daemon's control channel (its own emergency exit) and
 * straight from the command line with a config that cannot be read (the condor alone, on its own contracts, the
 * simulated broker at a fixed time). Spreads' 2 short and its 2 long close as one multi-leg order; the wheel's 1 and
 * its resting order stay.
 */
class ForceExitStrategyOptionsCommandTest {
    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        TestBrokers.reset();
    }

    private static AppConfig config() {
        return new AppConfig(BrokerSettings.defaults(), RiskSettings.defaults(),
                List.of(new StrategySettings("monthly-rebalance", true, 1.0, Map.of("allocation", "2000"), null)),
                new NotificationSettings(false, false, null, false, false, null, 587, null, null, null));
    }

    private static void assertOnlySpreadsWent(Path data, DaemonAccountFixture.PutSpread legs) {
        try (Store store = Store.open(data)) {
            PaperBroker paper = new PaperBroker(store, null, Clock.fixed(et("2025-12-31T15:41"), ZoneOffset.UTC));
            assertEquals(Map.of("TQQQ", "20", legs.short60(), "-1"), EmergencyCloseOptionsTest.held(paper));
            assertEquals(List.of("ld-wheel-v1-20251231-buy-back"), paper.openOrders().stream().map(BrokerOrder::clientOrderId)
                    .toList(), "the wheel's order stays open");
        }
    }

    @Test
    void overTheDaemonsControlChannelSpreadsClosesItsPartAndTheWheelKeepsItsPut() throws Exception {
        Path data = tmp.resolve("data");
        Path prices = DaemonAccountFixture.prices(tmp, "TQQQ", "QQQ");
        DaemonAccountFixture.PutSpread legs = DaemonAccountFixture.holdSharedPut(data, prices);
        SimulatedClock clock = new SimulatedClock(et("2025-12-31T15:00"), et("2025-12-31T15:40"));
        Reply reply = DaemonAccountFixture.controlCommandWhileDaemonRuns(data, prices, config(),
                new Secrets(tmp.resolve("secrets.properties"), Map.of()), clock, et("2025-12-31T15:30"),
                List.of("force-exit", "--strategy", "spreads", "--data-dir", data.toString()));
        String out = reply.out();
        assertEquals(0, reply.exit(), out + reply.err());
        assertTrue(out.startsWith("Close strategy spreads (its part of the options on QQQ) at paper: 0 orders cancelled,"
                + " 2 positions closed, flat\n"), out);
        assertTrue(out.contains(legs.short60() + " -2: its part of -3 held; closed - multi-leg ld-emergency-mleg-"), out);
        assertTrue(out.contains(legs.long55() + " 2: its part of 2 held; closed - multi-leg ld-emergency-mleg-"), out);
        assertTrue(out.contains(": bought 2 at $1.10\n") && out.contains(": sold 2 at $0.40\n"), out);
        assertOnlySpreadsWent(data, legs);
    }

    @Test
    void fromTheCommandLineABrokenConfigDoesNotStopIt() throws Exception {
        Path data = tmp.resolve("data");
        SimBroker sim;
        try (Store store = Store.open(data)) {
            sim = EmergencyStrategyOptionsTest.sharedAccountWithWheelOrder(store);
        }
        TestBrokers.use(sim);
        Path config = tmp.resolve("config.json");
        // a config that cannot be read: the exit takes the condor's defaults (QQQ), --broker names the account, and it runs
        Files.writeString(config, "{ \"strategies\": [ half a config");
        CliRun run = new CliRun();
        run.run("force-exit", "--strategy", "condor", "--broker", "paper", "--data-dir", data.toString(), "--config",
                config.toString());
        String out = run.out.toString();
        assertTrue(run.err.toString().contains("note: the settings of condor cannot be used"), run.err + "/" + out);
        assertEquals(0, run.code, out + run.err);
        assertTrue(out.contains(EmergencyStrategyOptionsTest.PUT_465 + " -1: its part of -1 held; closed - multi-leg"), out);
        assertTrue(out.contains(EmergencyStrategyOptionsTest.CALL_510 + " -1: its part of -1 held; closed - multi-leg"), out);
        assertEquals(Map.of("QQQ", "100", EmergencyStrategyOptionsTest.PUT_480, "-3", EmergencyStrategyOptionsTest.PUT_475, "2"),
                EmergencyCloseOptionsTest.held(sim), "the wheel's and spreads' contracts stay");
        assertEquals(1, sim.openOrders().size(), "the wheel's order stays");
    }
}
