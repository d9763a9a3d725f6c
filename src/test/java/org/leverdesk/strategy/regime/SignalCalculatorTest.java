package org.leverdesk.strategy.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.WeekdayCalendar;

/** Momentum, realized volatility and the guardrail signals on hand-computed inputs. */
class SignalCalculatorTest {
    private static final WeekdayCalendar CAL = new WeekdayCalendar();
    private static final RegimeRules SHORT_RULES = new RegimeRules(2, 4, 0.02, 2);
    /** ROC 1/2/3, SMA 2, vol window 3, sideways lookback 2; thresholds as the defaults. */
    private static final SignalSettings SHORT = new SignalSettings(1, 2, 3, 2, 0.3, 0.7, 3, 15, 25, 35, 0.5,
            0.10, 2, 0.01, 0.05, 0.02, 2.0, 0.5);

    private static RegimeSeries series(RegimeRules rules, double... closes) {
        return RegimeSeries.of(Bars.flat("QQQ", CAL, LocalDate.parse("2024-01-01"), closes), rules);
    }

    @Test
    void momentumScoreCountsFourEqualShares() {
        RegimeSeries s = series(SHORT_RULES, 10, 11, 9, 12, 11);
        SignalCalculator calc = new SignalCalculator(SHORT);
        // t=3 (close 12): ROC1 12/9-1 > 0, ROC2 12/11-1 > 0, ROC3 12/10-1 > 0, 12 > SMA2 (9+12)/2 = 10.5 -> 1.0
        RegimeSignals up = calc.compute(s, 3);
        assertEquals(0.2, up.rocLong(), 1e-15);
        assertEquals(10.5, up.smaShort());
        assertEquals(1.0, up.momentumScore());
        assertEquals(1.0, up.momentumScale());
        // t=4 (close 11): ROC1 11/12-1 < 0, ROC2 11/9-1 > 0, ROC3 11/11-1 = 0 (not > 0), 11 < SMA2 11.5 -> 0.25
        RegimeSignals mixed = calc.compute(s, 4);
        assertEquals(0.0, mixed.rocLong());
        assertEquals(0.25, mixed.momentumScore());
        assertEquals(0.0, mixed.momentumScale(), "below the 0.3 minimum the position scale is 0");
        // t=2: no ROC3 yet -> score undefined, scale 0
        assertEquals(Double.NaN, calc.compute(s, 2).momentumScore());
        assertEquals(0.0, calc.compute(s, 2).momentumScale());
    }

    @ParameterizedTest(name = "score {0} -> scale {1}")
    @CsvSource({"0, 0", "0.25, 0", "0.2999, 0", "0.3, 0.5", "0.5, 0.75", "0.6999, 0.999875", "0.7, 1", "0.75, 1", "1, 1"})
    void momentumScaleIsZeroBelowTheMinimumThenLinearFromHalfToFull(double score, double scale) {
        assertEquals(scale, SignalSettings.defaults().momentumScale(score), 1e-12);
    }

    @Test
    void realizedVolIsTheAnnualizedSampleStdevOfLogReturnsInPercent() {
        // log returns ln(1.1), ln(0.9), ln(1.1): mean 0.02842, sample stdev 0.115857 -> x sqrt(252) x 100 = 183.9177%
        RegimeSeries s = series(SHORT_RULES, 100, 110, 99, 108.9);
        RegimeSignals sig = new SignalCalculator(SHORT).compute(s, 3);
        assertEquals(183.9177303429479, sig.realizedVol(), 1e-9);
        assertEquals(VolBand.EXTREME, sig.volBand());
        assertEquals(0.0, sig.volScale());
        assertEquals(Double.NaN, new SignalCalculator(SHORT).compute(s, 2).realizedVol(), "3 returns need 4 closes");
    }

    @Test
    void twentyDayVolatilityOfAlternatingReturns() {
        // closes alternately multiplied and divided by 1.01: the last 20 log returns are +-ln(1.01)
        double[] c = new double[300];
        c[0] = 100;
        for (int i = 1; i < c.length; i++) {
            c[i] = c[i - 1] * (i % 2 == 1 ? 1.01 : 1 / 1.01);
        }
        RegimeSeries s = series(RegimeRules.defaults(), c);
        RegimeSignals sig = new SignalCalculator(SignalSettings.defaults()).compute(s, 299);
        // returns are exactly +-ln(1.01), mean 0: stdev = ln(1.01) * sqrt(20/19)
        double expected = Math.log(1.01) * Math.sqrt(20.0 / 19.0) * Math.sqrt(252) * 100;
        assertEquals(expected, sig.realizedVol(), 1e-9);
        assertEquals(16.206, sig.realizedVol(), 0.001); // 0.0099503 x 1.025978 x 15.8745 x 100
        assertEquals(VolBand.NORMAL, sig.volBand());
        assertEquals(1.0, sig.volScale());
    }

    @ParameterizedTest(name = "vol {0}% -> {1}, scale {2}")
    @CsvSource({"0, LOW, 1", "14.999, LOW, 1", "15, NORMAL, 1", "24.999, NORMAL, 1", "25, HIGH, 0.5", "34.999, HIGH, 0.5",
            "35, EXTREME, 0", "80, EXTREME, 0", "NaN, EXTREME, 0"})
    void volatilityBandsAndScales(double vol, VolBand band, double scale) {
        SignalSettings d = SignalSettings.defaults();
        assertEquals(band, d.band(vol));
        assertEquals(scale, d.volScale(d.band(vol)));
    }

    @Test
    void guardrailSignals() {
        // closes 10, 12, 11, 13: SMA2 at t=3 = 12, at t=1 = 11; SMA4 = 11.5
        RegimeSeries s = series(SHORT_RULES, 10, 12, 11, 13);
        RegimeSignals sig = new SignalCalculator(SHORT).compute(s, 3);
        assertEquals(13.0 / 12 - 1, sig.overextension(), 1e-15);
        assertEquals(12.0 / 11 - 1, sig.fastSlope(), 1e-15);
        // efficiency over 2 days: |13 - 12| / (|11 - 12| + |13 - 11|) = 1/3
        assertEquals(1.0 / 3, sig.efficiencyRatio(), 1e-15);
        assertEquals(13 / 11.5 - 1, sig.trendStrength(), 1e-15);
        // a flat stretch has efficiency 0, not NaN
        assertEquals(0.0, new SignalCalculator(SHORT).compute(series(SHORT_RULES, 5, 5, 5, 5), 3).efficiencyRatio());
    }

    @Test
    void settingsAreValidated() {
        assertEquals("volatility bands need 0 < volLow < volNormal < volHigh, in % (got 25.0, 15.0, 35.0)",
                assertThrows(IllegalArgumentException.class, () -> new SignalSettings(20, 60, 120, 20, 0.3, 0.7, 20,
                        25, 15, 35, 0.5, 0.10, 20, 0.01, 0.05, 0.02, 2.0, 0.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SignalSettings(60, 20, 120, 20, 0.3, 0.7, 20,
                15, 25, 35, 0.5, 0.10, 20, 0.01, 0.05, 0.02, 2.0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new SignalSettings(20, 60, 120, 20, 0.8, 0.7, 20,
                15, 25, 35, 0.5, 0.10, 20, 0.01, 0.05, 0.02, 2.0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new SignalSettings(20, 60, 120, 20, 0.3, 0.7, 20,
                15, 25, 35, 1.5, 0.10, 20, 0.01, 0.05, 0.02, 2.0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new SignalSettings(20, 60, 120, 20, 0.3, 0.7, 20,
                15, 25, 35, 0.5, 0.10, 20, 0.01, 0.05, 0.02, 0.5, 0.5));
    }
}
