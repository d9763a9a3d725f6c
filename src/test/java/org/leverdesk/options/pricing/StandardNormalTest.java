package org.leverdesk.options.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class StandardNormalTest {
    private static final NormalDistribution REFERENCE = new NormalDistribution(null, 0, 1);

    @Test
    void cdfMatchesCommonsMathToFourteenDigitsAcrossTheRange() {
        for (double x = -12; x <= 12; x += 0.0137) {
            assertEquals(REFERENCE.cumulativeProbability(x), StandardNormal.cdf(x), 2e-15 + 1e-14 * REFERENCE.cumulativeProbability(x),
                    "Φ(" + x + ")");
        }
    }

    @Test
    void lowerTailIsAccurateRelativeToItsSize() {
        for (double x = -37; x <= -3; x += 0.25) {
            double ref = REFERENCE.cumulativeProbability(x);
            assertEquals(1, StandardNormal.cdf(x) / ref, 2e-8, "relative error of Φ(" + x + ")");
        }
    }

    @Test
    void knownValues() {
        assertEquals(0.5, StandardNormal.cdf(0), 1e-16);
        assertEquals(0.975002104851780, StandardNormal.cdf(1.96), 1e-14);
        assertEquals(0.841344746068543, StandardNormal.cdf(1), 1e-14);
        assertEquals(0.398942280401433, StandardNormal.pdf(0), 1e-15);
        assertEquals(0.241970724519143, StandardNormal.pdf(1), 1e-15);
        assertEquals(0, StandardNormal.cdf(-40));
        assertEquals(1, StandardNormal.cdf(40));
    }

    @Test
    void cdfIsMonotone() {
        double previous = 0;
        for (double x = -10; x <= 10; x += 0.001) {
            double c = StandardNormal.cdf(x);
            assertTrue(c >= previous, "Φ decreases at " + x);
            previous = c;
        }
    }
}
