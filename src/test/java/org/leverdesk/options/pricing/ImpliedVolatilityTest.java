package org.leverdesk.options.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leverdesk.options.contract.OptionRight.CALL;
import static org.leverdesk.options.contract.OptionRight.PUT;

import org.junit.jupiter.api.Test;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.pricing.ImpliedVolResult.Status;

class ImpliedVolatilityTest {

    @Test
    void hullExample() {
        // Hull ch. 15: a call worth 1.875 with S=21, K=20, r=10%, T=0.25 has an implied volatility of 23.5%.
        ImpliedVolResult r = ImpliedVolatility.solve(CALL, 1.875, 21, 20, 0.25, 0.10, 0);
        assertTrue(r.converged(), r.message());
        assertEquals(0.235, r.volatility(), 0.0005);
    }

    @Test
    void roundTripsAcrossStrikesMaturitiesAndVolatilities() {
        double spot = 480;
        for (OptionRight right : OptionRight.values()) {
            for (double strike : new double[] {300, 400, 440, 470, 480, 490, 520, 600}) {
                for (double years : new double[] {2 / 365.0, 9 / 365.0, 30 / 365.0, 0.5, 2}) {
                    for (double vol : new double[] {0.05, 0.12, 0.25, 0.6, 1.5, 4}) {
                        double price = BlackScholes.price(right, spot, strike, years, 0.045, 0.006, vol);
                        double vega = BlackScholes.value(right, spot, strike, years, 0.045, 0.006, vol).greeks().vega();
                        ImpliedVolResult r = ImpliedVolatility.solve(right, price, spot, strike, years, 0.045, 0.006);
                        String what = right + " K=" + strike + " T=" + years + " σ=" + vol + " price=" + price;
                        assertTrue(r.converged(), what + ": " + r.message());
                        assertEquals(price, BlackScholes.price(right, spot, strike, years, 0.045, 0.006, r.volatility()),
                                2 * Math.max(ImpliedVolatility.PRICE_TOLERANCE, 1e-9 * price), what);
                        double floor = BlackScholes.price(right, spot, strike, years, 0.045, 0.006, ImpliedVolatility.MIN_VOL);
                        if (price - floor > 1e-6) {
                            // The price still carries volatility information: the volatility itself comes back,
                            // to the price tolerance divided by vega.
                            assertEquals(vol, r.volatility(), Math.max(1e-6, 1e-7 / vega), what);
                        }
                    }
                }
            }
        }
    }

    @Test
    void priceBelowIntrinsicIsReportedNotThrown() {
        // A put 20 in the money can never be worth less than K e^(−rT) − S e^(−qT) ≈ 19.8.
        ImpliedVolResult r = ImpliedVolatility.solve(PUT, 15, 480, 500, 0.1, 0.04, 0);
        assertEquals(Status.BELOW_LOWER_BOUND, r.status());
        assertFalse(r.converged());
        assertTrue(Double.isNaN(r.volatility()));
        assertTrue(r.message().contains("below the no-arbitrage lower bound"), r.message());
    }

    @Test
    void priceAboveUpperBoundIsReported() {
        assertEquals(Status.ABOVE_UPPER_BOUND, ImpliedVolatility.solve(CALL, 481, 480, 480, 0.1, 0.04, 0).status());
        assertEquals(Status.ABOVE_UPPER_BOUND, ImpliedVolatility.solve(PUT, 500, 480, 500, 0.1, 0.04, 0).status());
    }

    @Test
    void volatilityBeyondTheSearchedRangeIsReported() {
        double almostUpper = BlackScholes.upperBound(CALL, 100, 100, 1, 0.0, 0) * 0.9999999;
        ImpliedVolResult r = ImpliedVolatility.solve(CALL, almostUpper, 100, 100, 1, 0.0, 0);
        assertEquals(Status.OUTSIDE_VOL_RANGE, r.status(), r.message());
    }

    @Test
    void expiredAndGarbageInputs() {
        assertEquals(Status.EXPIRED, ImpliedVolatility.solve(CALL, 5, 100, 95, 0, 0.05, 0).status());
        assertEquals(Status.INVALID_INPUT, ImpliedVolatility.solve(CALL, Double.NaN, 100, 95, 0.1, 0.05, 0).status());
        assertEquals(Status.INVALID_INPUT, ImpliedVolatility.solve(CALL, 1, -100, 95, 0.1, 0.05, 0).status());
    }

    @Test
    void convergesInFewEvaluations() {
        ImpliedVolResult r = ImpliedVolatility.solve(PUT, 3.3728, 100, 100, 0.25, 0.05, 0);
        assertTrue(r.converged());
        assertEquals(0.20, r.volatility(), 1e-5);
        assertTrue(r.evaluations() < 30, "evaluations " + r.evaluations());
    }
}
