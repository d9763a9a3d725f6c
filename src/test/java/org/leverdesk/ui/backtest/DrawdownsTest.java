package org.leverdesk.ui.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class DrawdownsTest {
    @Test
    void percentBelowRunningPeak() {
        assertArrayEquals(new double[] {0, 0, -10, 0, -50},
                Drawdowns.percent(new double[] {100, 110, 99, 121, 60.5}), 1e-12);
    }

    @Test
    void badPointsKeepThePreviousDrawdown() {
        assertArrayEquals(new double[] {0, -20, -20, -20, 0},
                Drawdowns.percent(new double[] {100, 80, Double.NaN, 0, 100}), 1e-12);
    }

    @Test
    void emptyCurveHasNoDrawdown() {
        assertArrayEquals(new double[0], Drawdowns.percent(new double[0]));
    }
}
