package org.leverdesk.ui.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.ui.TestTaskExecutor;

/** The held symbols of the Orders view and their Accept action, without a window. */
class PositionHoldsViewModelTest {
    private final Map<String, String> held = new LinkedHashMap<>(Map.of("TQQQ",
            "TQQQ: the broker reports 0 shares but Leverdesk's filled orders account for 40; trading TQQQ is blocked"));
    private final PositionHolds holds = new PositionHolds() {
        @Override
        public Map<String, String> held() {
            return Map.copyOf(held);
        }

        @Override
        public String accept(String symbol) {
            if (held.remove(symbol) == null) {
                throw new IllegalStateException(symbol + " is not held");
            }
            return symbol + ": the broker's count of 40 shares confirmed by desktop";
        }
    };

    @Test
    void acceptingAHeldSymbolLiftsItAndSaysSo() {
        PositionHoldsViewModel vm = new PositionHoldsViewModel(holds, new TestTaskExecutor());
        vm.refresh();
        assertEquals(List.of(new PositionHoldsViewModel.Row("TQQQ", held.get("TQQQ"))), vm.rows());

        vm.accept(vm.rows().get(0));

        assertTrue(vm.rows().isEmpty());
        assertEquals("TQQQ: the broker's count of 40 shares confirmed by desktop", vm.messageProperty().get());
    }

    @Test
    void aFailedAcceptKeepsTheRowAndSaysWhy() {
        PositionHoldsViewModel vm = new PositionHoldsViewModel(holds, new TestTaskExecutor());
        vm.accept(new PositionHoldsViewModel.Row("SQQQ", "x"));
        assertEquals("Cannot accept SQQQ: SQQQ is not held", vm.messageProperty().get());
    }
}
