package org.leverdesk.ui.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.store.OrderIntent;
import org.leverdesk.store.StoredOrder;
import org.leverdesk.ui.FakeBroker;
import org.leverdesk.ui.TestTaskExecutor;

/** The Orders view's state without a robot: figures from the fake broker, hand-checked. */
class OrdersViewModelTest {
    private static final Instant NOW = Instant.parse("2026-03-04T19:30:07Z"); // 14:30:07 in New York
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("America/New_York"));

    private final TestTaskExecutor executor = new TestTaskExecutor();
    // cash 2,000 + TQQQ 100 × 55 + QQQ 10 × 500 = 12,500 equity; last close 12,000 → +500 (4.17%)
    private final FakeBroker broker = new FakeBroker(NOW, "2000", "12000")
            .hold("TQQQ", "100", "50", "55")
            .hold("QQQ", "10", "510", "500");
    private final List<String> calls = new ArrayList<>();
    private TradingControls.State state = TradingControls.State.ACTIVE;
    private final TradingControls controls = new TradingControls() {
        @Override public void pause() { calls.add("pause"); state = State.PAUSED; }
        @Override public void resume() { calls.add("resume"); state = State.ACTIVE; }
        @Override public void halt() { calls.add("halt"); state = State.HALTED; }
        @Override public State state() { return state; }
    };
    private Optional<ReconciliationSummary> reconciliation = Optional.empty();
    private final StoredOrder stored = new StoredOrder(7, new OrderIntent("ld-20260304-lev-trend-enter-TQQQ", "lev-trend",
            LocalDate.of(2026, 3, 4), "enter-TQQQ", "TQQQ", Side.BUY, new BigDecimal("100"), OrderType.LIMIT, TimeInForce.DAY,
            new BigDecimal("50.25"), null), OrderStatus.FILLED, "fake-9", Instant.parse("2026-03-03T20:50:00Z"), NOW);

    private OrdersViewModel viewModel() {
        return new OrdersViewModel(broker, controls, () -> reconciliation, limit -> List.of(stored), executor, CLOCK);
    }

    @Test
    void accountTilesShowEquityCashBuyingPowerAndDayProfit() {
        OrdersViewModel vm = viewModel();
        vm.refresh();
        assertEquals("$12,500.00", vm.equityProperty().get());
        assertEquals("$2,000.00", vm.cashProperty().get());
        assertEquals("$4,000.00", vm.buyingPowerProperty().get());
        assertEquals("+$500.00", vm.dayProfitTextProperty().get());
        assertEquals("+4.17% since the last close", vm.dayProfitPercentProperty().get());
        assertEquals(500.0, vm.dayProfitProperty().get());
        assertEquals("fake · account FAKE-1", vm.accountTextProperty().get());
        assertEquals("Updated 14:30:07", vm.updatedTextProperty().get());
    }

    @Test
    void positionsShowLiveProfitAfterARefresh() {
        OrdersViewModel vm = viewModel();
        vm.refresh();
        assertEquals(new PositionRow("TQQQ", "100", "$50.00", "$55.00", "$5,500.00", "$500.00", "10.00%", 500), vm.positions().get(0));
        assertEquals(new PositionRow("QQQ", "10", "$510.00", "$500.00", "$5,000.00", "-$100.00", "-1.96%", -100), vm.positions().get(1));

        broker.price("TQQQ", "49.5");
        vm.refresh();
        assertEquals("-$50.00", vm.positions().get(0).profitText());
        assertEquals("$11,950.00", vm.equityProperty().get());
        assertEquals("-$50.00", vm.dayProfitTextProperty().get());
        assertEquals("-0.42% since the last close", vm.dayProfitPercentProperty().get());
    }

    @Test
    void openOrderIsListedAndCancelRemovesIt() {
        broker.rest("ld-sell-QQQ", "QQQ", Side.SELL, "10", "520");
        broker.rest("ld-buy-SQQQ", "SQQQ", Side.BUY, "30", "11.5");
        OrdersViewModel vm = viewModel();
        vm.refresh();
        assertEquals(2, vm.openOrders().size());
        OpenOrderRow sell = vm.openOrders().get(0);
        assertEquals(new OpenOrderRow("fake-1", "ld-sell-QQQ", "QQQ", "SELL", "10", "LIMIT DAY", "limit $520.00", "ACCEPTED",
                "2026-03-04 14:30"), sell);

        vm.cancel(sell);
        assertEquals(OrderStatus.CANCELED, broker.allOrders().get("fake-1").status());
        assertEquals(List.of("ld-buy-SQQQ"), vm.openOrders().stream().map(OpenOrderRow::clientOrderId).toList());
        assertEquals("Cancel sent for ld-sell-QQQ (QQQ SELL 10)", vm.statusMessageProperty().get());
    }

    @Test
    void historyComesFromTheStoreWithItsStatus() {
        OrdersViewModel vm = viewModel();
        vm.refresh();
        assertEquals(List.of(new HistoryRow("2026-03-03 15:50", "lev-trend", "ld-20260304-lev-trend-enter-TQQQ", "TQQQ", "BUY",
                "100", "LIMIT DAY", "limit $50.25", "FILLED", "fake-9")), vm.history());
    }

    @Test
    void reconciliationShowsItsDifferencesOrThatAllIsInSync() {
        OrdersViewModel vm = viewModel();
        vm.refresh();
        assertEquals("No reconciliation has run since the app started", vm.reconciliationTextProperty().get());

        reconciliation = Optional.of(new ReconciliationSummary(Instant.parse("2026-03-04T14:25:00Z"),
                List.of("TQQQ: store says 90, broker holds 100; store repaired from the broker")));
        vm.refresh();
        assertEquals("1 difference found and recorded · 2026-03-04 09:25", vm.reconciliationTextProperty().get());
        assertEquals(1, vm.reconciliationLines().size());

        reconciliation = Optional.of(new ReconciliationSummary(Instant.parse("2026-03-04T14:35:00Z"), List.of()));
        vm.refresh();
        assertEquals("In sync with the broker · checked 2026-03-04 09:35", vm.reconciliationTextProperty().get());
        assertTrue(vm.reconciliationLines().isEmpty());
    }

    @Test
    void pauseResumeAndKillSwitchGoThroughTheControls() {
        OrdersViewModel vm = viewModel();
        vm.refresh();
        assertEquals(TradingControls.State.ACTIVE, vm.stateProperty().get());
        vm.pause();
        assertEquals("PAUSED: no new jobs start", vm.stateTextProperty().get());
        vm.halt();
        assertEquals(TradingControls.State.HALTED, vm.stateProperty().get());
        assertEquals("Kill switch on: only cancels and closing orders pass", vm.statusMessageProperty().get());
        vm.resume();
        assertEquals(TradingControls.State.ACTIVE, vm.stateProperty().get());
        assertEquals(List.of("pause", "halt", "resume"), calls);
    }

    @Test
    void anUnreachableBrokerKeepsTheLastFiguresAndSaysSo() {
        OrdersViewModel vm = viewModel();
        vm.refresh();
        broker.unreachable(true);
        vm.refresh();
        assertEquals("$12,500.00", vm.equityProperty().get());
        assertEquals("Cannot load from fake: the fake broker is unreachable (connection refused); try again later"
                + " (the figures shown are from the last good refresh)", vm.errorMessageProperty().get());
        broker.unreachable(false);
        vm.refresh();
        assertEquals("", vm.errorMessageProperty().get());
    }

    @Test
    void aRefreshWhileOneIsLoadingIsSkipped() {
        executor.hold();
        OrdersViewModel vm = viewModel();
        vm.refresh();
        vm.refresh();
        vm.refresh();
        assertEquals(1, executor.pendingCount());
        assertTrue(vm.loadingProperty().get());
        executor.runPending();
        assertEquals(2, vm.positions().size());
        vm.refresh();
        assertEquals(1, executor.pendingCount());
    }
}
