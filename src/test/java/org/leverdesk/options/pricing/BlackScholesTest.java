package org.leverdesk.options.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.leverdesk.options.contract.OptionRight.CALL;
import static org.leverdesk.options.contract.OptionRight.PUT;

import org.junit.jupiter.api.Test;
import org.leverdesk.options.contract.OptionRight;

/** Published values (Hull, Options, Futures and Other Derivatives), parity and Greeks against finite differences. */
class BlackScholesTest {

    @Test
    void hullExampleFifteenSix() {
        // S=42, K=40, r=10%, σ=20%, T=0.5: c = 4.76, p = 0.81.
        assertEquals(4.76, BlackScholes.price(CALL, 42, 40, 0.5, 0.10, 0, 0.20), 0.005);
        assertEquals(0.81, BlackScholes.price(PUT, 42, 40, 0.5, 0.10, 0, 0.20), 0.005);
    }

    @Test
    void europeanPutsOfTheToolchainReference() {
        assertEquals(3.3728, BlackScholes.price(PUT, 100, 100, 0.25, 0.05, 0, 0.20), 5e-5);
        assertEquals(3.8443, BlackScholes.price(PUT, 36, 40, 1, 0.06, 0, 0.20), 5e-5);
    }

    @Test
    void hullIndexOptionWithDividendYield() {
        // Hull's index example: S=930, K=900, r=8%, q=3%, σ=20%, T=2 months: c = 51.83.
        assertEquals(51.83, BlackScholes.price(CALL, 930, 900, 2.0 / 12, 0.08, 0.03, 0.20), 0.005);
    }

    @Test
    void hullGreekLettersExample() {
        // Hull ch. 19: a call, S=49, K=50, r=5%, σ=20%, T=20 weeks: price 2.40, Δ 0.522, Γ 0.066,
        // Θ −4.31 a year (−0.0118 a calendar day), vega 12.1 (0.121 per point), ρ 8.91.
        OptionValuation v = BlackScholes.value(CALL, 49, 50, 20.0 / 52, 0.05, 0, 0.20);
        assertEquals(2.40, v.price(), 0.005);
        assertEquals(0.522, v.greeks().delta(), 0.0005);
        assertEquals(0.066, v.greeks().gamma(), 0.0005);
        assertEquals(-4.31, v.greeks().thetaPerYear(), 0.005);
        assertEquals(-0.0118, v.greeks().thetaPerDay(), 0.00005);
        assertEquals(12.1, v.greeks().vega(), 0.05);
        assertEquals(0.121, v.greeks().vegaPerVolPoint(), 0.0005);
        assertEquals(8.91, v.greeks().rho(), 0.005);
        assertEquals(0.0891, v.greeks().rhoPerPercentPoint(), 0.00005);
    }

    @Test
    void valueAndPriceAgree() {
        for (OptionRight right : OptionRight.values()) {
            OptionValuation v = BlackScholes.value(right, 480, 470, 0.1, 0.045, 0.006, 0.23);
            assertEquals(BlackScholes.price(right, 480, 470, 0.1, 0.045, 0.006, 0.23), v.price(), 1e-12);
        }
    }

    @Test
    void callAndPutTogetherEqualEachAlone() {
        double[][] cases = {{480, 470, 0.1, 0.045, 0.006, 0.23}, {480, 300, 2 / 365.0, 0.02, 0, 0.6}, {100, 100, 0, 0.05, 0, 0.2},
                {100, 90, 0.5, 0.05, 0.01, 0}, {50, 80, 3, 0.01, 0.03, 1.2}};
        for (double[] c : cases) {
            BlackScholes.CallPut both = BlackScholes.callAndPut(c[0], c[1], c[2], c[3], c[4], c[5]);
            for (OptionRight right : OptionRight.values()) {
                OptionValuation alone = BlackScholes.value(right, c[0], c[1], c[2], c[3], c[4], c[5]);
                OptionValuation pair = both.of(right);
                String what = right + " " + java.util.Arrays.toString(c);
                assertEquals(alone.price(), pair.price(), 1e-12 * c[0], what);
                assertEquals(alone.greeks().delta(), pair.greeks().delta(), 1e-15, what);
                assertEquals(alone.greeks().gamma(), pair.greeks().gamma(), 1e-15, what);
                assertEquals(alone.greeks().thetaPerYear(), pair.greeks().thetaPerYear(), 1e-12 * c[0], what);
                assertEquals(alone.greeks().vega(), pair.greeks().vega(), 1e-12 * c[0], what);
                assertEquals(alone.greeks().rho(), pair.greeks().rho(), 1e-12 * c[0], what);
            }
        }
    }

    @Test
    void putCallParityWithDividends() {
        double[] spots = {50, 95, 100, 105, 480};
        double[] strikes = {40, 100, 500};
        double[] years = {1.0 / 365, 0.1, 1, 3};
        for (double s : spots) {
            for (double k : strikes) {
                for (double t : years) {
                    for (double vol : new double[] {0.05, 0.2, 0.8}) {
                        double r = 0.04;
                        double q = 0.015;
                        double c = BlackScholes.price(CALL, s, k, t, r, q, vol);
                        double p = BlackScholes.price(PUT, s, k, t, r, q, vol);
                        assertEquals(s * Math.exp(-q * t) - k * Math.exp(-r * t), c - p, 1e-9 * Math.max(s, k),
                                "parity S=" + s + " K=" + k + " T=" + t + " σ=" + vol);
                    }
                }
            }
        }
    }

    @Test
    void greeksMatchCentralFiniteDifferences() {
        double[][] cases = {
                {100, 100, 0.25, 0.05, 0.0, 0.20},
                {480, 460, 30 / 365.0, 0.045, 0.006, 0.22},
                {480, 520, 9 / 365.0, 0.02, 0.006, 0.35},
                {36, 40, 1, 0.06, 0.02, 0.20},
                {4000, 3500, 2, 0.01, 0.018, 0.15},
        };
        for (double[] c : cases) {
            for (OptionRight right : OptionRight.values()) {
                checkGreeks(right, c[0], c[1], c[2], c[3], c[4], c[5]);
            }
        }
    }

    private static void checkGreeks(OptionRight right, double s, double k, double t, double r, double q, double vol) {
        Greeks g = BlackScholes.value(right, s, k, t, r, q, vol).greeks();
        String what = right + " S=" + s + " K=" + k + " T=" + t;
        double hs = s * 1e-4;
        double up = BlackScholes.price(right, s + hs, k, t, r, q, vol);
        double mid = BlackScholes.price(right, s, k, t, r, q, vol);
        double down = BlackScholes.price(right, s - hs, k, t, r, q, vol);
        assertEquals((up - down) / (2 * hs), g.delta(), 1e-6, "delta " + what);
        assertEquals((up - 2 * mid + down) / (hs * hs), g.gamma(), 1e-4 * Math.max(g.gamma(), 1e-3), "gamma " + what);
        double ht = Math.min(1e-5, t / 10);
        double theta = -(BlackScholes.price(right, s, k, t + ht, r, q, vol) - BlackScholes.price(right, s, k, t - ht, r, q, vol)) / (2 * ht);
        assertEquals(theta, g.thetaPerYear(), 1e-5 * Math.max(1, Math.abs(theta)), "theta " + what);
        double hv = 1e-5;
        double vega = (BlackScholes.price(right, s, k, t, r, q, vol + hv) - BlackScholes.price(right, s, k, t, r, q, vol - hv)) / (2 * hv);
        assertEquals(vega, g.vega(), 1e-5 * Math.max(1, vega), "vega " + what);
        double hr = 1e-6;
        double rho = (BlackScholes.price(right, s, k, t, r + hr, q, vol) - BlackScholes.price(right, s, k, t, r - hr, q, vol)) / (2 * hr);
        assertEquals(rho, g.rho(), 1e-5 * Math.max(1, Math.abs(rho)), "rho " + what);
    }

    @Test
    void atExpiryTheValueIsIntrinsic() {
        assertEquals(20, BlackScholes.price(CALL, 500, 480, 0, 0.05, 0, 0.2), 0);
        assertEquals(0, BlackScholes.price(PUT, 500, 480, 0, 0.05, 0, 0.2), 0);
        OptionValuation v = BlackScholes.value(PUT, 470, 480, 0, 0.05, 0, 0.2);
        assertEquals(10, v.price(), 0);
        assertEquals(-1, v.greeks().delta(), 0);
        assertEquals(0, v.greeks().gamma(), 0);
    }

    @Test
    void withoutVolatilityTheValueIsTheDiscountedForwardPayoff() {
        double t = 0.5;
        double expected = 100 * Math.exp(-0.01 * t) - 90 * Math.exp(-0.05 * t);
        assertEquals(expected, BlackScholes.price(CALL, 100, 90, t, 0.05, 0.01, 0), 1e-12);
        OptionValuation v = BlackScholes.value(CALL, 100, 90, t, 0.05, 0.01, 0);
        assertEquals(expected, v.price(), 1e-12);
        assertEquals(Math.exp(-0.01 * t), v.greeks().delta(), 1e-12);
        assertEquals(0, BlackScholes.value(PUT, 100, 90, t, 0.05, 0.01, 0).price(), 0);
    }

    @Test
    void boundsBracketThePrice() {
        for (double vol : new double[] {0.01, 0.3, 3}) {
            for (OptionRight right : OptionRight.values()) {
                double p = BlackScholes.price(right, 100, 110, 0.5, 0.05, 0.02, vol);
                double lo = BlackScholes.lowerBound(right, 100, 110, 0.5, 0.05, 0.02);
                double hi = BlackScholes.upperBound(right, 100, 110, 0.5, 0.05, 0.02);
                assertEquals(true, p >= lo - 1e-12 && p <= hi + 1e-12, right + " σ=" + vol + ": " + lo + " <= " + p + " <= " + hi);
            }
        }
    }

    @Test
    void refusesInputsOutsideTheirDomain() {
        assertThrows(IllegalArgumentException.class, () -> BlackScholes.price(CALL, 0, 100, 1, 0.05, 0, 0.2));
        assertThrows(IllegalArgumentException.class, () -> BlackScholes.price(CALL, 100, -1, 1, 0.05, 0, 0.2));
        assertThrows(IllegalArgumentException.class, () -> BlackScholes.price(CALL, 100, 100, -0.1, 0.05, 0, 0.2));
        assertThrows(IllegalArgumentException.class, () -> BlackScholes.price(CALL, 100, 100, 1, 0.05, 0, -0.2));
        assertThrows(IllegalArgumentException.class, () -> BlackScholes.value(PUT, 100, 100, 1, Double.NaN, 0, 0.2));
    }
}
