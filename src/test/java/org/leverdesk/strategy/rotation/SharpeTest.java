package org.leverdesk.strategy.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.History;
import org.leverdesk.indicator.TrailingSharpe;
import org.leverdesk.testing.Bars;

/** The rotation's ranking ratio ({@link TrailingSharpe}) by hand, read through a History as the analyzer does. */
class SharpeTest {
    @Test
    void annualisedMeanOverSampleStdevOfSimpleReturns() {
        // returns +10%, -10%, +10%: mean 1/30, sample stdev sqrt(0.02/1.5) -> mean/sd = sqrt(1/12), x sqrt(252) = sqrt(21)
        BarSeries s = Bars.flat("X", RotationFixtures.CAL, RotationFixtures.START, 100, 110, 99, 108.9);
        assertEquals(Math.sqrt(21), TrailingSharpe.at(new History(s, 3)::adjClose, 3, 3, 0), 1e-9);
    }

    @Test
    void riskFreeRateIsSubtractedPerDay() {
        BarSeries s = Bars.flat("X", RotationFixtures.CAL, RotationFixtures.START, 100, 110, 99, 108.9);
        double sd = Math.sqrt(0.02 / 1.5);
        assertEquals((1.0 / 30 - 0.0252 / 252) / sd * Math.sqrt(252), TrailingSharpe.at(new History(s, 3)::adjClose, 3, 3, 0.0252), 1e-9);
    }

    @Test
    void tooFewBarsOrFlatPricesGiveNaN() {
        BarSeries s = Bars.flat("X", RotationFixtures.CAL, RotationFixtures.START, 100, 110, 99, 108.9);
        assertTrue(Double.isNaN(TrailingSharpe.at(new History(s, 2)::adjClose, 2, 3, 0)));
        BarSeries flat = Bars.flat("F", RotationFixtures.CAL, RotationFixtures.START, 50, 50, 50, 50);
        assertTrue(Double.isNaN(TrailingSharpe.at(new History(flat, 3)::adjClose, 3, 3, 0)));
    }
}
