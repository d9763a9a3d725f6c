package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.Target;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.emergency.EmergencyExit;
import org.leverdesk.emergency.EmergencyReport;
import org.leverdesk.emergency.StoreEmergencyRecord;
import org.leverdesk.risk.TradingState;
import org.leverdesk.store.Store;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.MapMarketData;
import org.leverdesk.testing.ScriptedBroker;
import org.leverdesk.testing.WeekdayCalendar;

/** The emergency exit works while a decision cycle is stuck, and the cycle finds trading halted when it resumes. */
class EmergencyDuringRunTest {
    private static final Instant NOW = Instant.parse("2026-01-05T20:50:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ExecutionPolicy MARKET = ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET, 0);

    @TempDir
    Path dir;
    private Store store;
    private final WeekdayCalendar calendar = new WeekdayCalendar();
    private final ScriptedBroker broker = new ScriptedBroker(100_000, NOW).price("TQQQ", 100).price("QQQ", 400);
    private ExecutionService service;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        MapMarketData data = new MapMarketData(Map.of(
                "TQQQ", Bars.flat("TQQQ", calendar, LocalDate.of(2026, 1, 1), 98, 99, 100),
                "QQQ", Bars.flat("QQQ", calendar, LocalDate.of(2026, 1, 1), 398, 399, 400)), false);
        service = new ExecutionService(broker, data, calendar, store, RiskSettings.defaults(), TradingMode.PAPER, CLOCK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void closeAllClosesEverythingHaltsTradingAndDoesNotWaitForARunningJob() throws Exception {
        broker.position("TQQQ", 40).position("QQQ", 5);
        CountDownLatch release = new CountDownLatch(1);
        FixedTargets stuck = new FixedTargets("fixed", Set.of("TQQQ"), MARKET, new Target("TQQQ", 100)).blockOn(release);
        // Own threads: the common pool may have a single thread on a 2-core machine.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<RunResult> job = CompletableFuture.supplyAsync(() -> service.run(new StrategyRun(stuck, 1, null, 1.0), false),
                threads);
        assertTrue(stuck.deciding.await(10, TimeUnit.SECONDS), "the job should be deciding");

        EmergencyExit exit = new EmergencyExit(broker, StoreEmergencyRecord.of(store, CLOCK), null, CLOCK);
        EmergencyReport report = CompletableFuture.supplyAsync(() -> exit.closeAll("test", "panic during a run"), threads)
                .get(10, TimeUnit.SECONDS);
        assertEquals(List.of("TQQQ", "QQQ"), report.positions().stream().map(EmergencyReport.PositionLine::symbol).toList());
        assertTrue(report.ok(), report.lines().toString());
        assertTrue(broker.positions().isEmpty());
        assertEquals(TradingState.HALTED, service.riskGate().state());

        release.countDown();
        RunResult r = job.get(10, TimeUnit.SECONDS);
        threads.shutdown();
        // The job resumes after the panic and finds trading halted: its buy is denied.
        assertEquals(OrderOutcome.Kind.DENIED, r.outcomes().get(0).kind());
        assertFalse(broker.submits.stream().anyMatch(s -> s.side() == Side.BUY));
    }
}
