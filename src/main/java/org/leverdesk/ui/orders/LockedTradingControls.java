package org.leverdesk.ui.orders;

import org.leverdesk.config.ControlLock;
import org.leverdesk.ui.common.PassphrasePrompt;

/**
 * Trading controls whose Resume asks for the control passphrase when one is set (seed 003's dashboard
 * password). Pause and the kill switch stop trading and are never locked; neither is Close all.
 */
public final class LockedTradingControls implements TradingControls {
    private final TradingControls controls;
    private final ControlLock lock;
    private final PassphrasePrompt prompt;

    public LockedTradingControls(TradingControls controls, ControlLock lock, PassphrasePrompt prompt) {
        this.controls = controls;
        this.lock = lock;
        this.prompt = prompt;
    }

    /** {@code controls} guarded by {@code lock}, or {@code controls} itself when either is null. */
    public static TradingControls of(TradingControls controls, ControlLock lock, PassphrasePrompt prompt) {
        return controls == null || lock == null ? controls : new LockedTradingControls(controls, lock, prompt);
    }

    @Override
    public State state() {
        return controls.state();
    }

    @Override
    public void pause() {
        controls.pause();
    }

    @Override
    public void resume() {
        if (lock.isSet()) {
            char[] p = prompt.ask("Resume trading: type the control passphrase.").orElseThrow(
                    () -> new IllegalStateException("not resumed: the control passphrase was not given"));
            ControlLock.Verdict v = lock.check(p);
            java.util.Arrays.fill(p, '\0');
            if (!v.unlocked()) {
                throw new IllegalStateException("not resumed: " + v.reason());
            }
        }
        controls.resume();
    }

    @Override
    public void halt() {
        controls.halt();
    }
}
