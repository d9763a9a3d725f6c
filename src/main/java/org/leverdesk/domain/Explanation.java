package org.leverdesk.domain;

import java.util.List;
import java.util.Map;

/**
 * Why a strategy decided what it did: a one-line summary, the signal values it used (in display
 * order), the gates it checked, and an optional regime label.
 */
public record Explanation(String summary, Map<String, Double> signals, List<GateResult> gates, String regime) {
    public Explanation {
        // Copies keep the record immutable; empty inputs share one instance (backtests create many holds).
        signals = signals == null || signals.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(signals));
        gates = gates == null || gates.isEmpty() ? List.of() : List.copyOf(gates);
    }

    public static Explanation of(String summary) {
        return new Explanation(summary, Map.of(), List.of(), null);
    }

    public boolean allGatesPass() {
        return gates.stream().allMatch(GateResult::passed);
    }
}
