package org.leverdesk.ui.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.GateResult;
import org.leverdesk.domain.Target;

class DecisionsViewModelTest {
    private static final LocalDate D = LocalDate.of(2024, 3, 1);

    private static List<Decision> decisions() {
        Map<String, Double> signals = new LinkedHashMap<>();
        signals.put("rsi", 12.3456);
        signals.put("volume", 123_456_789.0);
        signals.put("sma", Double.NaN);
        signals.put("openRisk", 1250.0);
        signals.put("spreadWidth", 2.5);
        Explanation buy = new Explanation("RSI(2) 12.3 <= 30: buy", signals,
                List.of(GateResult.pass("rsi", "rsi=12.3", "at or below 30"), GateResult.fail("sma", "close=50 sma=55", "below SMA")), "bull");
        return List.of(
                Decision.hold(D, "rsi2", "RSI(2) 55 between 30 and 75: hold"),
                new Decision(D.plusDays(1), "rsi2", true, List.of(new Target("TQQQ", 100)), buy),
                Decision.hold(D.plusDays(2), "rsi2", "blocked: volume below minimum"));
    }

    @Test
    void tradesOnlyKeepsTheDecisionsThatRebalancedAndUncheckingRestoresAll() {
        DecisionsViewModel vm = new DecisionsViewModel();
        vm.show(decisions());
        assertEquals(3, vm.rows().size());
        vm.tradesOnlyProperty().set(true);
        assertEquals(List.of(D.plusDays(1)), vm.rows().stream().map(Decision::date).toList());
        assertEquals(3, vm.total());
        vm.tradesOnlyProperty().set(false);
        assertEquals(3, vm.rows().size());
    }

    @Test
    void selectingADecisionShowsItsGatesAndFormattedSignals() {
        DecisionsViewModel vm = new DecisionsViewModel();
        vm.show(decisions());
        vm.selectedProperty().set(vm.rows().get(1));
        assertEquals(List.of("rsi", "sma"), vm.gates().stream().map(GateResult::name).toList());
        assertEquals("below SMA", vm.gates().get(1).reason());
        // in words and units, never the strategy's keys; an unknown key in words from its name
        assertEquals(List.of(Map.entry("RSI", "12.35"), Map.entry("Volume (shares)", "123,456,789"), Map.entry("SMA", "—"),
                        Map.entry("Open risk", "$1,250.00"), Map.entry("Spread width", "2.5000")),
                List.copyOf(vm.signals()));
        assertEquals("1 of 2 fail", DecisionsViewModel.gateSummary(vm.rows().get(1)));
        assertEquals("", DecisionsViewModel.gateSummary(vm.rows().get(0)));

        vm.show(List.of());
        assertTrue(vm.gates().isEmpty(), "a new run clears the selection and its detail");
        assertTrue(vm.signals().isEmpty());
    }
}
