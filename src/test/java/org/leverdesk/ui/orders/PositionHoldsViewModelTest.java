package org.leverdesk.ui.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.ui.TestTaskExecutor;
import org.leverdesk.ui.common.ConfirmPrompt;

/** The held symbols of the Orders view and their Accept action, without a window. */
class PositionHoldsViewModelTest {
    private static final String REASON =
            "TQQQ: the broker reports 0 shares but Leverdesk's filled orders account for 40; trading TQQQ is blocked";
    private final Map<String, String> held = new LinkedHashMap<>(Map.of("TQQQ", REASON));
    private final List<String> accepted = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private final PositionHolds holds = new PositionHolds() {
        @Override
        public Map<String, String> held() {
            return Map.copyOf(held);
        }

        @Override
        public String accept(String symbol) {
            accepted.add(symbol);
            if (held.remove(symbol) == null) {
                throw new IllegalStateException(symbol + " is not held any more; nothing to accept");
            }
            return symbol + ": the broker's count of 40 shares confirmed by desktop";
        }
    };

    private ConfirmPrompt answering(boolean yes) {
        return (header, details, action) -> {
            asked.add(header + " | " + details + " | " + action);
            return yes;
        };
    }

    @Test
    void acceptingAHeldSymbolAsksFirstThenLiftsItAndSaysSo() {
        PositionHoldsViewModel vm = new PositionHoldsViewModel(holds, new TestTaskExecutor(), answering(true));
        vm.refresh();
        assertEquals(List.of(new PositionHoldsViewModel.Row("TQQQ", REASON)), vm.rows());

        vm.accept(vm.rows().get(0));

        assertEquals(1, asked.size());
        assertTrue(asked.get(0).startsWith("Accept the broker's count of TQQQ? | " + REASON), asked.get(0));
        assertTrue(asked.get(0).contains("leverdesk reconcile --accept TQQQ"), asked.get(0));
        assertTrue(asked.get(0).endsWith(" | Accept"), asked.get(0));
        assertEquals(List.of("TQQQ"), accepted);
        assertTrue(vm.rows().isEmpty());
        assertEquals("TQQQ: the broker's count of 40 shares confirmed by desktop", vm.messageProperty().get());
        assertFalse(vm.acceptingProperty().get());
    }

    @Test
    void declinedConfirmationAcceptsNothing() {
        PositionHoldsViewModel vm = new PositionHoldsViewModel(holds, new TestTaskExecutor(), answering(false));
        vm.refresh();

        vm.accept(vm.rows().get(0));

        assertEquals(1, asked.size());
        assertTrue(accepted.isEmpty());
        assertEquals(1, vm.rows().size());
        assertEquals("TQQQ stays held: not accepted", vm.messageProperty().get());
    }

    @Test
    void withoutAPromptNothingIsEverAccepted() {
        PositionHoldsViewModel vm = new PositionHoldsViewModel(holds, new TestTaskExecutor(), ConfirmPrompt.NONE);
        vm.refresh();
        vm.accept(vm.rows().get(0));
        assertTrue(accepted.isEmpty());
        assertEquals(1, vm.rows().size());
    }

    @Test
    void aFailedAcceptKeepsTheRowsAndSaysWhy() {
        PositionHoldsViewModel vm = new PositionHoldsViewModel(holds, new TestTaskExecutor(), answering(true));
        vm.refresh();
        vm.accept(new PositionHoldsViewModel.Row("SQQQ", "x"));
        assertEquals("Cannot accept SQQQ: SQQQ is not held any more; nothing to accept", vm.messageProperty().get());
        assertEquals(1, vm.rows().size());
        assertFalse(vm.acceptingProperty().get());
    }

    @Test
    void oneAcceptAtATime() {
        TestTaskExecutor executor = new TestTaskExecutor();
        PositionHoldsViewModel vm = new PositionHoldsViewModel(holds, executor, answering(true));
        vm.refresh();
        PositionHoldsViewModel.Row row = vm.rows().get(0);
        executor.hold();

        vm.accept(row);
        assertTrue(vm.acceptingProperty().get());
        assertEquals("Confirming TQQQ with the broker…", vm.messageProperty().get());
        vm.accept(row);
        executor.runPending();

        assertEquals(1, asked.size(), "a second press while the first runs is ignored");
        assertEquals(List.of("TQQQ"), accepted);
        assertTrue(vm.rows().isEmpty());
    }
}
