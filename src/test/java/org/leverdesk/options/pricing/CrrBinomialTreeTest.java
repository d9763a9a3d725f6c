package org.leverdesk.options.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leverdesk.options.contract.OptionRight.CALL;
import static org.leverdesk.options.contract.OptionRight.PUT;

import org.junit.jupiter.api.Test;

class CrrBinomialTreeTest {

    @Test
    void hullAmericanPutExampleStepByStep() {
        // Hull ch. 21: American put, S=50, K=50, r=10%, σ=40%, T=5 months: 5 steps give 4.49; 30, 50, 100 and 500
        // steps give 4.263, 4.272, 4.278 and 4.283.
        double t = 5.0 / 12;
        assertEquals(4.49, new CrrBinomialTree(5).price(PUT, 50, 50, t, 0.10, 0, 0.40), 0.005);
        assertEquals(4.263, new CrrBinomialTree(30).price(PUT, 50, 50, t, 0.10, 0, 0.40), 0.0005);
        assertEquals(4.272, new CrrBinomialTree(50).price(PUT, 50, 50, t, 0.10, 0, 0.40), 0.0005);
        assertEquals(4.278, new CrrBinomialTree(100).price(PUT, 50, 50, t, 0.10, 0, 0.40), 0.0005);
        assertEquals(4.283, new CrrBinomialTree(500).price(PUT, 50, 50, t, 0.10, 0, 0.40), 0.0005);
    }

    @Test
    void americanPutsOfTheToolchainReference() {
        CrrBinomialTree tree = new CrrBinomialTree(2000);
        AmericanValuation a = tree.value(PUT, 100, 100, 0.25, 0.05, 0, 0.20);
        assertEquals(3.480, a.american(), 0.0005);
        assertEquals(3.3728, a.european(), 5e-5);
        assertEquals(4.487, tree.price(PUT, 36, 40, 1, 0.06, 0, 0.20), 0.0005);
    }

    @Test
    void americanCallWithoutDividendsConvergesToBlackScholes() {
        // Early exercise never pays for a call on an asset without dividends (Merton 1973).
        double bsm = BlackScholes.price(CALL, 100, 105, 0.5, 0.05, 0, 0.25);
        double previousError = Double.MAX_VALUE;
        for (int n : new int[] {50, 200, 800, 3200}) {
            double error = Math.abs(new CrrBinomialTree(n).price(CALL, 100, 105, 0.5, 0.05, 0, 0.25) - bsm);
            assertTrue(error < previousError * 0.6 || error < 1e-3, n + " steps: error " + error + " after " + previousError);
            previousError = error;
        }
        assertTrue(previousError < 2e-3, "error at 3,200 steps " + previousError);
    }

    @Test
    void convergesAsStepsGrow() {
        // CRR converges in first order with an odd-even oscillation: the error stays within c / n. The reference is
        // the mean of 10,000 and 10,001 steps, which cancels most of the oscillation.
        double reference = (new CrrBinomialTree(10_000).price(PUT, 36, 40, 1, 0.06, 0, 0.20)
                + new CrrBinomialTree(10_001).price(PUT, 36, 40, 1, 0.06, 0, 0.20)) / 2;
        assertEquals(4.4867, reference, 1e-4);
        for (int n : new int[] {100, 200, 400, 800, 1600, 3200}) {
            double error = Math.abs(new CrrBinomialTree(n).price(PUT, 36, 40, 1, 0.06, 0, 0.20) - reference);
            assertTrue(error <= 0.3 / n + 3e-5, n + " steps: error " + error + " above 0.3 / n");
        }
    }

    @Test
    void dividendYieldMakesEarlyExerciseOfCallsWorthSomething() {
        // With q > r a deep in-the-money American call is worth more than the European one.
        AmericanValuation a = new CrrBinomialTree(1000).value(CALL, 130, 100, 1, 0.01, 0.08, 0.2);
        assertTrue(a.earlyExercisePremium() > 5, "premium " + a.earlyExercisePremium());
        assertEquals(30, a.american(), 1e-12);
        assertTrue(a.exerciseNow());
    }

    @Test
    void americanValueIsNeverBelowEuropeanOrIntrinsic() {
        CrrBinomialTree tree = new CrrBinomialTree(400);
        for (double s : new double[] {60, 90, 100, 110, 150}) {
            for (var right : new org.leverdesk.options.contract.OptionRight[] {CALL, PUT}) {
                AmericanValuation a = tree.value(right, s, 100, 0.75, 0.04, 0.02, 0.3);
                assertTrue(a.american() >= a.intrinsic() - 1e-12, right + " S=" + s);
                assertTrue(a.american() >= a.european() - 0.01, right + " S=" + s + " tree " + a.american() + " bsm " + a.european());
            }
        }
    }

    @Test
    void deepInTheMoneyPutIsExercisedNowAndAnOutOfTheMoneyOneIsNot() {
        CrrBinomialTree tree = new CrrBinomialTree(500);
        AmericanValuation deep = tree.value(PUT, 60, 100, 0.5, 0.05, 0, 0.2);
        assertTrue(deep.exerciseNow(), "intrinsic " + deep.intrinsic() + " continuation " + deep.continuation());
        assertEquals(40, deep.american(), 1e-9);
        AmericanValuation otm = tree.value(PUT, 110, 100, 0.5, 0.05, 0, 0.2);
        assertFalse(otm.exerciseNow());
    }

    @Test
    void refusesTooFewStepsForTheDrift() {
        // One step of a year with r − q = 50% and σ = 1%: p would be above 1.
        assertThrows(IllegalArgumentException.class, () -> new CrrBinomialTree(1).price(PUT, 100, 100, 1, 0.5, 0, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new CrrBinomialTree(0));
    }
}
