package org.leverdesk.research.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MomentsAndPercentilesTest {

    @Test
    void momentsByHand() {
        // mean 4; deviations -3,-2,-1,0,6: m2 = 50/5 = 10, m3 = 180/5 = 36, m4 = 1394/5 = 278.8
        Moments m = Moments.of(new double[] {1, 2, 3, 4, 10});
        assertEquals(4, m.mean(), 1e-12);
        assertEquals(Math.sqrt(50 / 4.0), m.stdev(), 1e-12);
        assertEquals(36 / Math.pow(10, 1.5), m.skewness(), 1e-12);
        assertEquals(2.788, m.kurtosis(), 1e-12);
        assertEquals(4 / Math.sqrt(12.5), m.sharpe(), 1e-12);
    }

    @Test
    void aConstantSeriesHasNoShape() {
        Moments m = Moments.of(new double[] {0.01, 0.01, 0.01});
        assertTrue(Double.isNaN(m.skewness()));
        assertTrue(Double.isNaN(m.sharpe()));
    }

    @Test
    void percentilesInterpolateBetweenRanks() {
        double[] x = {4, 1, 3, 2};
        assertEquals(1.75, Percentiles.of(x, 0.25), 1e-12); // h = 3·0.25 = 0.75 -> 1 + 0.75·(2-1)
        assertEquals(2.5, Percentiles.of(x, 0.5), 1e-12);
        assertEquals(4, Percentiles.of(x, 1), 1e-12);
        assertEquals(1.15, Percentiles.of(x, 0.05), 1e-12); // h = 0.15
        assertEquals(4, x[0], "input not sorted in place");
    }
}
