package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.Target;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.store.DecisionUnits;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.StoredOrder;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.HoursByHand;
import org.leverdesk.testing.MapMarketData;
import org.leverdesk.testing.ScriptedBroker;
import org.leverdesk.testing.WeekdayCalendar;

/**
 * A decision and its orders are one unit: one whose order never reached the broker is superseded by the
 * next trading day's decision, its intent closed with the reason, and a first day that never traded is
 * the first day again (a strategy that buys on its first day only is not left in cash for a month).
 */
class DecisionUnitExecutionTest {
    private static final Instant MONDAY = Instant.parse("2026-01-05T20:50:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-01-06T20:50:00Z");
    private static final ExecutionPolicy MARKET = ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET, 0);

    @TempDir
    Path dir;
    private Store store;
    private final WeekdayCalendar calendar = new WeekdayCalendar();

    @BeforeEach
    void open() {
        store = Store.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ExecutionService service(ScriptedBroker broker, Instant now, double... closes) {
        MapMarketData data = new MapMarketData(Map.of("TQQQ", Bars.flat("TQQQ", calendar, LocalDate.of(2026, 1, 1), closes)),
                false);
        return new ExecutionService(broker, data, calendar, store, RiskSettings.defaults(), TradingMode.PAPER,
                Clock.fixed(now, ZoneOffset.UTC), new HoursByHand(calendar, broker::marketOpen));
    }

    @Test
    void aNewTradingDaySupersedesAnUnsentDecisionAndItsFirstDayIsDecidedAgain() {
        FixedTargets firstDayOnly = new FixedTargets("fixed", Set.of("TQQQ"), MARKET, new Target("TQQQ", 100)).firstDayOnly();
        StrategyRun run = new StrategyRun(firstDayOnly, 2, null, 1.0);
        ScriptedBroker monday = new ScriptedBroker(100_000, MONDAY).price("TQQQ", 100);
        monday.failNextSubmit(ScriptedBroker.Fault.TIMEOUT_BEFORE_ACCEPT);
        RunResult first = service(monday, MONDAY, 98, 99, 100).run(run, false);
        assertEquals(OrderOutcome.Kind.UNKNOWN, first.outcomes().get(0).kind());
        DecisionUnits units = new DecisionUnits(store, Clock.systemUTC());
        assertEquals(DecisionUnits.State.OPEN, units.state(first.decisionId()));

        // Tuesday, with Tuesday's prices: the broker never got Monday's order.
        ScriptedBroker tuesday = new ScriptedBroker(100_000, TUESDAY).price("TQQQ", 101);
        RunResult next = service(tuesday, TUESDAY, 98, 99, 100, 101).run(run, false);

        assertEquals(DecisionUnits.State.SUPERSEDED, units.state(first.decisionId()));
        StoredOrder old = new OrderRepository(store, Clock.systemUTC()).findByClientOrderId("ld-fixed-v2-20260105-buy-TQQQ")
                .orElseThrow();
        assertEquals(OrderStatus.REJECTED, old.status());
        assertTrue(old.statusReason().startsWith("superseded: never reached the broker"), old.statusReason());
        assertEquals(1, new JournalRepository(store, Clock.systemUTC()).recent(100).stream()
                .filter(e -> e.kind().equals("decision-superseded")).count());
        // Monday never traded, so Tuesday is its first day: it buys, once.
        assertTrue(firstDayOnly.lastContext.firstDay());
        assertEquals(OrderOutcome.Kind.SENT, next.outcomes().get(0).kind());
        assertEquals("ld-fixed-v2-20260106-buy-TQQQ", next.outcomes().get(0).order().clientOrderId());
        assertEquals(DecisionUnits.State.DONE, units.state(next.decisionId()));
        assertEquals(1, tuesday.submits.size());
    }
}
