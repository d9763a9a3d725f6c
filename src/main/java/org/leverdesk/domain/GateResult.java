package org.leverdesk.domain;

/** One named pre-trade check with its inputs and why it passed or failed. */
public record GateResult(String name, boolean passed, String inputs, String reason) {
    public static GateResult pass(String name, String inputs, String reason) {
        return new GateResult(name, true, inputs, reason);
    }

    public static GateResult fail(String name, String inputs, String reason) {
        return new GateResult(name, false, inputs, reason);
    }
}
