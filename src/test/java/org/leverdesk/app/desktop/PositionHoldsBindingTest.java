package org.leverdesk.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.alpaca.AlpacaBroker;
import org.leverdesk.broker.alpaca.FakeAlpacaServer;
import org.leverdesk.config.ExternalPositions;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.Target;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.execution.ExecutionService;
import org.leverdesk.execution.StrategyRun;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.Store;
import org.leverdesk.strategy.DecisionContext;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.strategy.Strategy;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.HoursByHand;
import org.leverdesk.testing.MapMarketData;
import org.leverdesk.ui.TestTaskExecutor;
import org.leverdesk.ui.orders.PositionHolds;
import org.leverdesk.ui.orders.PositionHoldsViewModel;

/**
 * The window's Accept of a held symbol does what {@code leverdesk reconcile --accept} does, through the same
 * execution service: a positions answer of [] while 40 TQQQ are held (issue 14, defect 1) holds TQQQ; the
 * Orders view's row, confirmed, lifts it with the broker's count, journalled as accepted by the desktop.
 */
class PositionHoldsBindingTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @TempDir
    Path dir;
    private final FakeAlpacaServer fake = FakeAlpacaServer.startOnWallClock();
    private final AlpacaBroker broker = AlpacaBroker.create(fake.settings());
    private Store store;

    @AfterEach
    void close() {
        broker.close();
        fake.close();
        if (store != null) {
            store.close();
        }
    }

    /** Always wants 40 TQQQ at the close, by market order. */
    private record FortyTqqq() implements Strategy {
        @Override
        public String id() {
            return "forty";
        }

        @Override
        public Set<String> symbols() {
            return Set.of("TQQQ");
        }

        @Override
        public ExecutionPolicy execution() {
            return ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET, 0);
        }

        @Override
        public Decision decide(DecisionContext context) {
            return new Decision(context.today(), id(), true, List.of(new Target("TQQQ", 40)), Explanation.of("40 TQQQ"));
        }
    }

    @Test
    void acceptInTheWindowLiftsTheHoldThroughTheExecutionService() {
        fake.setQuote("TQQQ", 49.99, 50.01);
        fake.setSlowDelay(Duration.ofMillis(2500));
        store = Store.open(dir);
        NyseCalendar calendar = new NyseCalendar();
        LocalDate today = LocalDate.now(NEW_YORK);
        LocalDate start = calendar.isTradingDay(today) ? today : calendar.previousTradingDay(today);
        for (int i = 0; i < 4; i++) {
            start = calendar.previousTradingDay(start);
        }
        MapMarketData data = new MapMarketData(Map.of("TQQQ", Bars.flat("TQQQ", calendar, start, 50, 50, 50, 50, 50)), false);
        ExecutionService service = new ExecutionService(broker, data, calendar, store,
                new RiskSettings(2.0, 100.0, 0.5, 190, 900, 0, 120, ExternalPositions.IGNORE), TradingMode.PAPER,
                Clock.systemUTC(), new HoursByHand(calendar, () -> true));
        StrategyRun run = new StrategyRun(new FortyTqqq(), 1, null, 1.0);
        service.run(run, false);
        assertEquals(0, new BigDecimal("40").compareTo(fake.held("TQQQ")));
        fake.tamper("GET", "/v2/positions", b -> "[]", 1);
        service.run(run, false);
        assertEquals(Set.of("TQQQ"), service.heldSymbols().keySet());

        PositionHolds holds = RuntimeBindings.positionHolds(service);
        List<String> asked = new java.util.ArrayList<>();
        PositionHoldsViewModel vm = new PositionHoldsViewModel(holds, new TestTaskExecutor(), (header, details, action) -> {
            asked.add(header);
            return true;
        });
        vm.refresh();
        assertEquals(1, vm.rows().size());
        assertTrue(vm.rows().get(0).reason().startsWith("TQQQ: the broker reports 0 shares but Leverdesk's filled orders"
                + " account for 40"), vm.rows().get(0).reason());

        vm.accept(vm.rows().get(0));

        assertEquals(List.of("Accept the broker's count of TQQQ?"), asked);
        assertEquals("TQQQ: the broker's count of 40 shares confirmed by desktop; the store's count already matched",
                vm.messageProperty().get());
        assertTrue(vm.rows().isEmpty());
        assertTrue(service.heldSymbols().isEmpty());
        List<JournalEntry> journal = new JournalRepository(store, Clock.systemUTC()).recent(100).stream()
                .filter(e -> e.kind().equals("position-accepted")).toList();
        assertEquals(1, journal.size());
        assertEquals("forty", journal.get(0).strategyId());

        // Accepting again (the CLI lifted it meanwhile) changes nothing and says so.
        vm.accept(new PositionHoldsViewModel.Row("TQQQ", "stale row"));
        assertEquals("Cannot accept TQQQ: TQQQ is not held any more; nothing to accept", vm.messageProperty().get());
        assertEquals(1, new JournalRepository(store, Clock.systemUTC()).recent(100).stream()
                .filter(e -> e.kind().equals("position-accepted")).count());
    }
}
