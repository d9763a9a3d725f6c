package org.leverdesk.ui.regime;

import org.leverdesk.domain.GateResult;

/** One line of a gate checklist: ✓ or ✗, the gate's name, why, and the inputs it looked at. */
public record GateRow(boolean passed, String name, String reason, String inputs) {
    static GateRow of(GateResult g) {
        return new GateRow(g.passed(), g.name(), g.reason(), g.inputs());
    }

    /** ✓ for a pass, ✗ for a fail. */
    public String mark() {
        return passed ? "✓" : "✗";
    }
}
