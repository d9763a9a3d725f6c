package org.leverdesk.riskguard;

/** Names of the decision signals a strategy tells the RiskGuard with. */
public final class GuardSignals {
    /** 1 when the decision closes a position on a stop: the cooldown starts, the close ignores the day-trade count. */
    public static final String STOP_EXIT = "guardStopExit";

    private GuardSignals() {
    }
}
