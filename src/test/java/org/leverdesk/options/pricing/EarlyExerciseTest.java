package org.leverdesk.options.pricing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EarlyExerciseTest {
    @Test
    void inTheMoneyCallWithLittleTimeValueIsExercisedForTheDividend() {
        // QQQ at 480, call 470 worth 10.30: time value 0.30 is below a 0.70 dividend.
        assertTrue(EarlyExercise.callExercisedBeforeExDividend(10.30, 480, 470, 0.70));
    }

    @Test
    void timeValueAboveTheDividendKeepsTheCallAlive() {
        assertFalse(EarlyExercise.callExercisedBeforeExDividend(11.00, 480, 470, 0.70));
    }

    @Test
    void outOfTheMoneyCallIsNeverExercised() {
        assertFalse(EarlyExercise.callExercisedBeforeExDividend(0.05, 480, 490, 0.70));
        assertFalse(EarlyExercise.callExercisedBeforeExDividend(10.0, 480, 470, 0));
    }
}
