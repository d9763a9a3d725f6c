package org.leverdesk.ui.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.execution.ManualOrderResult;
import org.leverdesk.execution.ManualOrders;
import org.leverdesk.execution.ManualTicket;
import org.leverdesk.execution.TicketPreview;
import org.leverdesk.ui.TestTaskExecutor;

/** The ticket's state: what it asks ManualOrders, what it shows, and the live confirmation. */
class TicketViewModelTest {
    /** Prices everything at $50.00 with $1,000 of buying power. */
    private static final class Fake implements ManualOrders {
        final List<ManualTicket> sent = new ArrayList<>();
        final boolean live;

        Fake(boolean live) {
            this.live = live;
        }

        @Override
        public TicketPreview preview(ManualTicket t) {
            long shares = t.sizing() == ManualTicket.Sizing.SHARES ? t.amount().longValue() : t.amount().longValue() / 50;
            BigDecimal value = BigDecimal.valueOf(shares * 50L).setScale(2);
            BigDecimal after = new BigDecimal("1000.00").subtract(value);
            List<String> problems = after.signum() < 0 ? List.of("Needs $" + value + " but the buying power is $1,000.00") : List.of();
            return new TicketPreview(t.symbol(), shares, new BigDecimal("50.00"), value, new BigDecimal("1000.00"), after, 0, shares,
                    "ld-manual-20260304-" + (sent.size() + 1), live, problems, List.of());
        }

        @Override
        public ManualOrderResult submit(ManualTicket t) {
            sent.add(t);
            return new ManualOrderResult("ld-manual-20260304-" + sent.size(), true, OrderStatus.FILLED, "b-1", "Sent it · FILLED");
        }

        @Override
        public boolean live() {
            return live;
        }

        @Override
        public String brokerName() {
            return "fake";
        }
    }

    @Test
    void thePreviewFollowsEveryFieldAndSubmitSendsWhatItShows() {
        Fake orders = new Fake(false);
        TicketViewModel vm = new TicketViewModel(orders, new TestTaskExecutor());
        vm.start("TQQQ", true);
        vm.amount().valueProperty().set("4");
        assertEquals(List.of("Buy 4 TQQQ at ask $50.00", "Estimated cost: $200.00", "Buying power: $1,000.00 → $800.00",
                "Position: 0 → 4 shares", "Order id: ld-manual-20260304-1"), List.copyOf(vm.previewLines()));
        assertTrue(vm.canSubmitProperty().get());
        vm.sizing().valueProperty().set("dollars");
        vm.amount().valueProperty().set("500");
        assertEquals("Buy 10 TQQQ at ask $50.00", vm.previewLines().get(0));
        vm.amount().valueProperty().set("5000");
        assertEquals(List.of("Needs $5000.00 but the buying power is $1,000.00"), List.copyOf(vm.problems()));
        assertFalse(vm.canSubmitProperty().get());

        vm.amount().valueProperty().set("500");
        vm.type().valueProperty().set("limit");
        assertEquals(List.of("Limit price is needed"), List.copyOf(vm.problems()), "a limit order needs its price");
        vm.limit().valueProperty().set("49.5");
        assertTrue(vm.canSubmitProperty().get());
        vm.submit();
        assertEquals("Sent it · FILLED", vm.resultProperty().get());
        ManualTicket sent = orders.sent.get(0);
        assertEquals(OrderType.LIMIT, sent.type());
        assertEquals(new BigDecimal("49.5"), sent.limitPrice());
        assertEquals(ManualTicket.Sizing.DOLLARS, sent.sizing());
        assertEquals("Order id: ld-manual-20260304-2", vm.previewLines().get(4), "the preview moved on to the next id");
    }

    @Test
    void aLiveOrderIsSentOnlyAfterTheConfirmation() {
        Fake orders = new Fake(true);
        TicketViewModel vm = new TicketViewModel(orders, new TestTaskExecutor());
        vm.start("QQQ", false);
        vm.amount().valueProperty().set("2");
        List<String> asked = new ArrayList<>();
        vm.setLiveConfirmation(q -> {
            asked.add(q);
            return false;
        });
        vm.submit();
        assertEquals(List.of("Send sell 2 QQQ market to your LIVE account? It spends real money."), asked);
        assertEquals("Not sent: the live order was not confirmed", vm.resultProperty().get());
        assertTrue(orders.sent.isEmpty());
        vm.setLiveConfirmation(q -> true);
        vm.submit();
        assertEquals(1, orders.sent.size());
        assertEquals("Order ticket · fake · LIVE", vm.title());
    }
}
