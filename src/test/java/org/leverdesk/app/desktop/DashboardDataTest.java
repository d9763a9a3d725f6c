package org.leverdesk.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.lang.reflect.Proxy;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerUnavailableException;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.app.context.RuntimeStatus;
import org.leverdesk.broker.sim.SimBroker;
import org.leverdesk.risk.TradingState;
import org.leverdesk.schedule.SchedulerState;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.Target;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.store.DecisionRepository;
import org.leverdesk.store.Store;
import org.leverdesk.ui.dashboard.DashboardSnapshot;

class DashboardDataTest {
    private static final Instant NOW = Instant.parse("2026-11-20T20:00:00Z");

    @TempDir
    Path dir;
    private Store store;
    private DecisionRepository decisions;
    private final SimBroker broker = new SimBroker(NOW);
    private final AppConfig config = AppConfig.defaults()
            .withStrategy(new StrategySettings("regime", true, 0.3, Map.of(), null))
            .withStrategy(new StrategySettings("rsi2", false, 0.5, Map.of(), null));

    @BeforeEach
    void open() {
        store = Store.open(dir);
        decisions = new DecisionRepository(store, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A running scheduler with no job planned, trading active. */
    private static RuntimeStatus running() {
        return new RuntimeStatus(NOW, SchedulerState.RUNNING, TradingState.ACTIVE, Map.of(), null);
    }

    private DashboardData data(Optional<BigDecimal> start) {
        return new DashboardData(broker, () -> config, decisions, () -> start, DashboardDataTest::running,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void accountPositionsAndEachStrategysLastDecision() {
        broker.setQuote("TQQQ", 49.99, 50.01, NOW);
        broker.submit(new OrderRequest("t-1", "TQQQ", Side.BUY, BigDecimal.valueOf(100), OrderType.MARKET, TimeInForce.DAY,
                null, null));
        decisions.save(new Decision(LocalDate.of(2026, 11, 20), "regime", true, List.of(new Target("TQQQ", 100)),
                new Explanation("buy 100 TQQQ", Map.of(), List.of(), "BULL")), TradingMode.PAPER, null);

        DashboardSnapshot s = data(Optional.of(new BigDecimal("100000"))).snapshot();
        // Bought 100 at the ask 50.01: cash 100,000 - 5,001 = 94,999; valued at the mid 50.00: equity 99,999.
        assertEquals(94_999.0, s.account().cash(), 1e-9);
        assertEquals(99_999.0, s.account().equity(), 1e-9);
        assertEquals(-1.0, s.account().totalProfit(), 1e-9);
        assertEquals("since start ($100,000.00)", s.account().totalProfitLabel());
        assertEquals("TQQQ", s.positions().get(0).symbol());
        assertEquals(5_000.0, s.positions().get(0).marketValue(), 1e-9);
        assertEquals("2026-11-20: buy 100 TQQQ", s.strategies().get(0).lastDecision());
        assertEquals("BULL", s.strategies().get(0).regime());
        assertEquals("no decision yet", s.strategies().get(1).lastDecision());
        assertEquals("—", s.strategies().get(1).nextRun());
    }

    @Test
    void anUnknownStartLeavesTotalProfitOpen() {
        DashboardSnapshot s = data(Optional.empty()).snapshot();
        assertTrue(Double.isNaN(s.account().totalProfit()));
        assertEquals("unknown for this broker", s.account().totalProfitLabel());
    }

    @Test
    void anUnreachableBrokerKeepsTheStrategiesAndSaysWhy() {
        // A broker whose every call but name() fails the way an unreachable Alpaca does.
        Broker unreachable = (Broker) Proxy.newProxyInstance(Broker.class.getClassLoader(), new Class<?>[] {Broker.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("name")) {
                        return "alpaca-paper";
                    }
                    throw new BrokerUnavailableException("Alpaca did not answer in 15 s", null);
                });
        DashboardData failing = new DashboardData(unreachable, () -> config, decisions, Optional::empty,
                DashboardDataTest::running, Clock.fixed(NOW, ZoneOffset.UTC));
        DashboardSnapshot s = failing.snapshot();
        assertNull(s.account());
        assertEquals("The alpaca-paper account could not be read: Alpaca did not answer in 15 s", s.accountError());
        assertEquals(2, s.strategies().size());
    }
}
