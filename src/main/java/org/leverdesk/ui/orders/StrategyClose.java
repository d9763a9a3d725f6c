package org.leverdesk.ui.orders;

import java.util.Objects;
import java.util.function.Consumer;
import org.leverdesk.emergency.EmergencyScope;

/**
 * The window's "Close strategy…": {@link PanicClose#startStrategy} (the one emergency exit, on a thread of its own per
 * press, one close at a time with Close all) over the scope {@link StrategyScopes} gives, the scope
 * {@code force-exit --strategy S} closes.
 */
public final class StrategyClose {
    private final PanicClose panic;
    private final StrategyScopes scopes;

    public StrategyClose(PanicClose panic, StrategyScopes scopes) {
        this.panic = Objects.requireNonNull(panic, "closing a strategy needs the emergency exit");
        this.scopes = Objects.requireNonNull(scopes, "closing a strategy needs to know what it holds");
    }

    /** The broker's name, for the confirmation text. */
    public String brokerName() {
        return panic.brokerName();
    }

    /** What closing {@code strategyId} closes; throws IllegalArgumentException for an unknown strategy. */
    public EmergencyScope scope(String strategyId) {
        return scopes.of(strategyId);
    }

    /** True while any emergency close of this window runs (Close all, Close all options or a strategy's). */
    public boolean isRunning() {
        return panic.isRunning();
    }

    /** Starts closing {@code scope} and returns at once; false (nothing done) while another close runs. */
    public boolean start(EmergencyScope scope, Consumer<PanicReport> onDone) {
        return panic.startStrategy(scope, onDone);
    }
}
