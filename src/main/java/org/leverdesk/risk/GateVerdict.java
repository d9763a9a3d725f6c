package org.leverdesk.risk;

/** The risk gate's answer for one order: allowed, or denied with a one-line reason. */
public record GateVerdict(boolean allowed, TradingState state, String reason) {
    public static GateVerdict allow(TradingState state) {
        return new GateVerdict(true, state, "allowed in " + state);
    }

    public static GateVerdict deny(TradingState state, String reason) {
        return new GateVerdict(false, state, reason);
    }
}
