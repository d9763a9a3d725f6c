package org.leverdesk.ui.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.config.ControlLock;

class LockedTradingControlsTest {
    @TempDir
    Path dir;

    private final List<String> calls = new ArrayList<>();
    private final TradingControls inner = new TradingControls() {
        public void pause() { calls.add("pause"); }
        public void resume() { calls.add("resume"); }
        public void halt() { calls.add("halt"); }
        public State state() { return State.ACTIVE; }
    };

    @Test
    void resumeNeedsThePassphraseWhilePauseAndTheKillSwitchNeverDo() {
        ControlLock lock = new ControlLock(dir.resolve(ControlLock.FILE_NAME), Clock.systemUTC());
        lock.set("correct horse".toCharArray());
        List<String> asked = new ArrayList<>();
        TradingControls wrong = LockedTradingControls.of(inner, lock, why -> {
            asked.add(why);
            return Optional.of("nope".toCharArray());
        });
        wrong.pause();
        wrong.halt();
        IllegalStateException e = assertThrows(IllegalStateException.class, wrong::resume);
        assertEquals("not resumed: wrong passphrase (1 in a row)", e.getMessage());
        assertEquals(List.of("Resume trading: type the control passphrase."), asked);
        IllegalStateException cancelled = assertThrows(IllegalStateException.class,
                LockedTradingControls.of(inner, lock, why -> Optional.empty())::resume);
        assertEquals("not resumed: the control passphrase was not given", cancelled.getMessage());
        assertEquals(List.of("pause", "halt"), calls);
    }

    @Test
    void theRightPassphraseResumesAndNoLockAsksNothing() throws Exception {
        ControlLock lock = new ControlLock(dir.resolve(ControlLock.FILE_NAME), Clock.systemUTC());
        LockedTradingControls.of(inner, lock, why -> { throw new AssertionError("no passphrase is set"); }).resume();
        lock.set("correct horse".toCharArray());
        LockedTradingControls.of(inner, lock, why -> Optional.of("correct horse".toCharArray())).resume();
        assertEquals(List.of("resume", "resume"), calls);
    }
}
