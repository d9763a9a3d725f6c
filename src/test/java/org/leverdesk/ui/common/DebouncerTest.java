package org.leverdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.leverdesk.ui.ManualTimer;

class DebouncerTest {
    private final ManualTimer timer = new ManualTimer();
    private final AtomicInteger fired = new AtomicInteger();
    private final Debouncer debouncer = new Debouncer(timer, 12, 25, fired::incrementAndGet);

    @Test
    void aBurstOfChangesRunsOnceAfterTheQuietTime() {
        debouncer.changed();
        timer.advance(5);
        debouncer.changed();
        timer.advance(5);
        debouncer.changed();
        timer.advance(11);
        assertEquals(0, fired.get(), "still within 12 ms of the last change");
        timer.advance(1);
        assertEquals(1, fired.get());
        timer.advance(100);
        assertEquals(1, fired.get(), "one run per burst");
    }

    @Test
    void changesThatNeverPauseStillRunWithinTheMaximumWait() {
        int firedAt = -1;
        for (int ms = 0; ms < 100; ms += 8) { // a slider dragged at 125 events a second: never 12 ms of quiet
            debouncer.changed();
            timer.advance(8);
            if (fired.get() > 0 && firedAt < 0) {
                firedAt = ms + 8;
            }
        }
        assertTrue(firedAt > 0 && firedAt <= 32, "first run " + firedAt + " ms after the first change (at most 25 ms + one step)");
        assertTrue(fired.get() >= 3, "runs every ~25 ms while dragging: " + fired.get());
    }

    @Test
    void cancelForgetsThePendingChange() {
        debouncer.changed();
        assertTrue(debouncer.pending());
        debouncer.cancel();
        assertFalse(debouncer.pending());
        timer.advance(100);
        assertEquals(0, fired.get());
    }

    @Test
    void aMaximumWaitShorterThanTheQuietTimeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Debouncer(timer, 30, 10, () -> { }));
    }
}
