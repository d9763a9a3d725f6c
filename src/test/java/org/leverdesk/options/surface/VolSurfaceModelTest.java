package org.leverdesk.options.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.pricing.BlackScholes;

class VolSurfaceModelTest {
    private final VolSurfaceModel model = new VolSurfaceModel(SurfaceParameters.forIndex("VIX"));

    @Test
    void flatSmileMakesTheAtmVolatilityTheIndex() {
        VolSurfaceModel flat = new VolSurfaceModel(new SurfaceParameters(0, 0, 4, 3.4, 0.2, 0.02));
        for (double index : new double[] {0.1, 0.2, 0.5, 0.9}) {
            assertEquals(index, flat.atmFromIndex(index), index * 2e-5, "index " + index);
        }
    }

    @Test
    void skewedSmilePutsTheAtmVolatilityBelowTheIndex() {
        // The default smile: ATM / index about 0.92 at ordinary levels, a little less at crisis levels.
        double calm = model.atmFromIndex(0.15) / 0.15;
        double crisis = model.atmFromIndex(0.80) / 0.80;
        assertEquals(0.922, calm, 0.005);
        assertTrue(crisis < calm && crisis > 0.88, "crisis ratio " + crisis);
        assertEquals(0.20, model.atmFromIndex(model.varianceSwapVol(0.20)), 1e-4);
    }

    @Test
    void cboeVixFormulaOnTheSyntheticSmileGivesBackTheIndex() {
        // Cboe's VIX white paper: σ² = (2/T) Σ ΔK/K² e^(RT) Q(K) − (1/T)(F/K0 − 1)², on one 30-day expiry with strikes
        // every 0.25% of the forward, priced from the surface with a rate and a dividend yield.
        for (double index : new double[] {0.12, 0.20, 0.35, 0.70}) {
            VolSurface day = model.surface(index);
            double t = 30 / 365.0;
            double r = 0.045;
            double q = 0.013;
            double spot = 480;
            double forward = spot * Math.exp((r - q) * t);
            double atm = day.atmVol(t);
            double dk = forward * 0.0025;
            double k0 = Math.floor(forward / dk) * dk;
            double sum = 0;
            for (double k = dk; k < forward * 6; k += dk) {
                double vol = day.vol(t, Math.log(k / forward), atm);
                double put = BlackScholes.price(OptionRight.PUT, spot, k, t, r, q, vol);
                double call = BlackScholes.price(OptionRight.CALL, spot, k, t, r, q, vol);
                double quote = k < k0 - 1e-9 ? put : k > k0 + 1e-9 ? call : (put + call) / 2;
                sum += dk / (k * k) * Math.exp(r * t) * quote;
            }
            double variance = 2 / t * sum - 1 / t * Math.pow(forward / k0 - 1, 2);
            assertEquals(index, Math.sqrt(variance), index * 0.003, "index " + index);
        }
    }

    @Test
    void thirtyDayAtmIsPinnedAndTheTermStructureRevertsToTheLongRunLevel() {
        VolSurface high = model.surface(0.45);
        VolSurface low = model.surface(0.11);
        double t30 = 30 / 365.0;
        assertEquals(model.atmFromIndex(0.45), high.atmVol(t30), 1e-12);
        assertEquals(model.atmFromIndex(0.11), low.atmVol(t30), 1e-12);
        // Above the long-run level (20.9): backwardation; below it: contango.
        assertTrue(high.atmVol(7 / 365.0) > high.atmVol(t30) && high.atmVol(t30) > high.atmVol(1));
        assertTrue(low.atmVol(7 / 365.0) < low.atmVol(t30) && low.atmVol(t30) < low.atmVol(1));
        // Far out, the ATM volatility approaches the long-run ATM level.
        double longRunAtm = model.atmFromIndex(SurfaceParameters.VIX_LONG_RUN);
        assertEquals(longRunAtm, high.atmVol(30), 0.02);
        assertEquals(longRunAtm, low.atmVol(30), 0.02);
    }

    @Test
    void termStructureFormula() {
        // w(T) = θ + (v30 − θ) g(T) / g(30d), g(T) = (1 − e^(−κT)) / (κT): checked by hand at T = 0.25.
        VolSurface s = model.surface(0.30);
        double v30 = Math.pow(s.atm30(), 2);
        double theta = Math.pow(model.atmFromIndex(SurfaceParameters.VIX_LONG_RUN), 2);
        double kappa = SurfaceParameters.DEFAULT_MEAN_REVERSION;
        double g30 = (1 - Math.exp(-kappa * 30 / 365.0)) / (kappa * 30 / 365.0);
        double g = (1 - Math.exp(-kappa * 0.25)) / (kappa * 0.25);
        assertEquals(Math.sqrt(theta + (v30 - theta) * g / g30), s.atmVol(0.25), 1e-12);
        // Without mean reversion the term structure is flat.
        VolSurface flat = new VolSurfaceModel(SurfaceParameters.forIndex("VIX").withMeanReversion(0)).surface(0.30);
        assertEquals(flat.atm30(), flat.atmVol(2), 1e-12);
        assertEquals(flat.atm30(), flat.atmVol(1 / 365.0), 1e-12);
    }

    @Test
    void smileIsSkewedTowardsPutsAndSteeperForShortExpiries() {
        VolSurface s = model.surface(0.20);
        double atm7 = s.atmVol(7 / 365.0);
        double atm60 = s.atmVol(60 / 365.0);
        // 5% below and above the forward.
        double down7 = s.vol(7 / 365.0, Math.log(0.95));
        double up7 = s.vol(7 / 365.0, Math.log(1.05));
        double down60 = s.vol(60 / 365.0, Math.log(0.95));
        assertTrue(down7 > atm7 && up7 < atm7, "7-day smile " + down7 + " / " + atm7 + " / " + up7);
        assertTrue(down7 / atm7 > down60 / atm60, "short-dated skew is steeper in strike terms");
        // By hand: x = ln(0.95) / (atm √T), σ = atm (1 − 0.15 x + 0.02 x²).
        double x = Math.log(0.95) / (atm60 * Math.sqrt(60 / 365.0));
        assertEquals(atm60 * (1 - 0.15 * x + 0.02 * x * x), down60, 1e-12);
        // Beyond the wing limit the smile is flat.
        assertEquals(s.vol(7 / 365.0, Math.log(0.5)), s.vol(7 / 365.0, Math.log(0.4)), 1e-15);
    }

    @Test
    void refusesParametersThatFoldTheSmile() {
        assertThrows(IllegalArgumentException.class, () -> new SurfaceParameters(-0.15, 0.1, 4, 3.4, 0.2, 0.02));
        assertThrows(IllegalArgumentException.class, () -> new SurfaceParameters(-0.5, 0, 4, 3.4, 0.2, 0.02));
        assertThrows(IllegalArgumentException.class, () -> new SurfaceParameters(-0.15, 0.02, 4, -1, 0.2, 0.02));
        assertThrows(IllegalArgumentException.class, () -> new SurfaceParameters(-0.15, 0.02, 4, 3.4, 20.9, 0.02));
        assertThrows(IllegalArgumentException.class, () -> model.surface(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SurfaceParameters(-0.15, 0.1, 4, 3.4, 0.2, 0.02));
        assertTrue(e.getMessage().contains("folds the smile"), e.getMessage());
    }
}
