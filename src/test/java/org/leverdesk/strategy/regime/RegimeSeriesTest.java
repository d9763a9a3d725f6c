package org.leverdesk.strategy.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.leverdesk.strategy.regime.Regime.BREAKDOWN;
import static org.leverdesk.strategy.regime.Regime.BULL;
import static org.leverdesk.strategy.regime.Regime.CAUTIOUS;
import static org.leverdesk.strategy.regime.Regime.RISK_OFF;
import static org.leverdesk.strategy.regime.Regime.STRONG_BULL;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.History;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.WeekdayCalendar;

/**
 * SMAs and regimes over hand-made closes with short periods (fast 2, slow 4, deadzone 2%, hold 2) so
 * that every value can be checked by hand; the comments show the arithmetic.
 */
class RegimeSeriesTest {
    private static final WeekdayCalendar CAL = new WeekdayCalendar();
    private static final LocalDate START = LocalDate.parse("2024-01-01");
    private static final RegimeRules SHORT = new RegimeRules(2, 4, 0.02, 2);

    private static RegimeSeries series(double... closes) {
        return RegimeSeries.of(Bars.flat("QQQ", CAL, START, closes), SHORT);
    }

    @Test
    void coldStartHoldEmergencyAndNewHoldsOnHandMadeCloses() {
        RegimeSeries s = series(10, 10, 10, 10, 12, 13, 12.5, 12.6, 11, 13, 14);
        // days 0-2: no SMA4 yet, no regime
        for (int i = 0; i < 3; i++) {
            assertNull(s.raw(i));
            assertNull(s.confirmed(i));
            assertEquals(Double.NaN, s.slowSma(i));
        }
        assertEquals(Double.NaN, s.fastSma(0));
        assertEquals(10.0, s.fastSma(1));
        // day 3: first day with 4 bars -> cold start CAUTIOUS (raw is CAUTIOUS too: 10 is inside both bands)
        assertEquals(List4.of(10, 10, CAUTIOUS, CAUTIOUS), List4.at(s, 3));
        // day 4: sma2 (10+12)/2 = 11, sma4 42/4 = 10.5; 12 > 11*1.02 = 11.22 and 11 > 10.5 -> STRONG_BULL raw,
        // but the cold-start CAUTIOUS entered yesterday is held through today
        assertEquals(List4.of(11, 10.5, STRONG_BULL, CAUTIOUS), List4.at(s, 4));
        // day 5: sma2 12.5, sma4 45/4 = 11.25; 13 > 12.75 -> STRONG_BULL; two days after entry it replaces CAUTIOUS
        assertEquals(List4.of(12.5, 11.25, STRONG_BULL, STRONG_BULL), List4.at(s, 5));
        assertEquals(5, s.confirmedSince(5));
        // day 6: sma2 12.75, sma4 47.5/4 = 11.875; 12.5 < 13.005 -> CAUTIOUS raw; STRONG_BULL held (entered yesterday)
        assertEquals(List4.of(12.75, 11.875, CAUTIOUS, STRONG_BULL), List4.at(s, 6));
        // day 7: sma2 12.55, sma4 50.1/4 = 12.525; 12.6 < 12.801 -> CAUTIOUS; hold over -> CAUTIOUS
        assertEquals(List4.of(12.55, 12.525, CAUTIOUS, CAUTIOUS), List4.at(s, 7));
        // day 8: sma2 11.8, sma4 49.1/4 = 12.275; 11 < 12.275*0.98 = 12.0295 and 11.8 < 12.275 -> BREAKDOWN,
        // an emergency: it replaces CAUTIOUS although CAUTIOUS was entered only yesterday
        assertEquals(List4.of(11.8, 12.275, BREAKDOWN, BREAKDOWN), List4.at(s, 8));
        // day 9: sma2 12, sma4 49.1/4 = 12.275; 13 > 12.24 and 13 > 12.275 but 12 < 12.275 -> BULL raw;
        // the emergency switch started a new hold, so BREAKDOWN stays one more day
        assertEquals(List4.of(12, 12.275, BULL, BREAKDOWN), List4.at(s, 9));
        // day 10: sma2 13.5, sma4 50.6/4 = 12.65; 14 > 13.77, 13.5 > 12.65 -> STRONG_BULL, hold over
        assertEquals(List4.of(13.5, 12.65, STRONG_BULL, STRONG_BULL), List4.at(s, 10));
        assertEquals(10, s.confirmedSince(10));
    }

    @Test
    void riskOffOnTheDayAfterColdStartSwitchesAtOnce() {
        // day 3 cold start CAUTIOUS; day 4: sma2 (10+9)/2 = 9.5 < sma4 39/4 = 9.75 (death cross), 9 < 9.75*0.98 = 9.555 -> BREAKDOWN
        RegimeSeries s = series(10, 10, 10, 10, 9);
        assertEquals(CAUTIOUS, s.confirmed(3));
        assertEquals(BREAKDOWN, s.raw(4));
        assertEquals(BREAKDOWN, s.confirmed(4));
        // no death cross: sma2 (12+9.4)/2 = 10.7 > sma4 (10+10+12+9.4)/4 = 10.35, 9.4 < 10.35*0.98 = 10.143 -> RISK_OFF
        RegimeSeries r = series(10, 10, 10, 12, 9.4);
        assertEquals(RISK_OFF, r.raw(4));
        assertEquals(RISK_OFF, r.confirmed(4));
    }

    @Test
    void coldStartIsCautiousWhateverTheRawRegime() {
        // day 3: sma2 (10+20)/2 = 15, sma4 50/4 = 12.5: 20 > 15.3 and 15 > 12.5 -> STRONG_BULL raw, confirmed CAUTIOUS
        RegimeSeries s = series(10, 10, 10, 20);
        assertEquals(STRONG_BULL, s.raw(3));
        assertEquals(CAUTIOUS, s.confirmed(3));
        assertEquals(3, s.confirmedSince(3));
    }

    @Test
    void aRawRegimeThatLastsOneDayDuringTheHoldIsIgnored() {
        // day 5 switches to STRONG_BULL (as in the first test); day 6 a one-day CAUTIOUS blip, day 7 STRONG_BULL again
        RegimeSeries s = series(10, 10, 10, 10, 12, 13, 12.5, 14);
        assertEquals(CAUTIOUS, s.raw(6));
        assertEquals(STRONG_BULL, s.confirmed(6));
        assertEquals(STRONG_BULL, s.confirmed(7));
        assertEquals(5, s.confirmedSince(7));
    }

    @Test
    void everyDayDependsOnlyOnThePastTruncatedHistoriesAgree() {
        Random rnd = new Random(42);
        double[] closes = new double[400];
        double c = 100;
        for (int i = 0; i < closes.length; i++) {
            c *= Math.exp(rnd.nextGaussian() * 0.03);
            closes[i] = c;
        }
        BarSeries bars = Bars.flat("QQQ", CAL, START, closes);
        RegimeSeries full = RegimeSeries.of(bars, new RegimeRules(10, 40, 0.02, 2));
        int changes = 0;
        for (int i = 1; i < full.size(); i++) {
            changes += full.confirmed(i) != full.confirmed(i - 1) ? 1 : 0;
        }
        // a volatile path, so that the equality below is tested across many switches
        assertEquals(true, changes > 20, "only " + changes + " regime changes");
        for (int cut : new int[] {39, 40, 41, 57, 123, 250, 399}) {
            RegimeSeries part = RegimeSeries.of(bars.between(bars.firstDate(), bars.date(cut)), full.rules());
            assertEquals(cut + 1, part.size());
            for (int i = 0; i <= cut; i++) {
                assertEquals(full.fastSma(i), part.fastSma(i), "fast " + i);
                assertEquals(full.slowSma(i), part.slowSma(i), "slow " + i);
                assertEquals(full.raw(i), part.raw(i), "raw " + i);
                assertEquals(full.confirmed(i), part.confirmed(i), "confirmed " + i);
            }
        }
    }

    @Test
    void syncToExtendsBarByBarAndRestartsOnADifferentHistory() {
        BarSeries bars = Bars.flat("QQQ", CAL, START, 10, 10, 10, 10, 12, 13, 12.5, 12.6, 11, 13, 14);
        RegimeSeries batch = RegimeSeries.of(bars, SHORT);
        RegimeSeries live = new RegimeSeries(SHORT);
        for (int i = 0; i < bars.size(); i++) {
            live.syncTo(new History(bars, i));
            assertEquals(i + 1, live.size());
            assertEquals(batch.confirmed(i), live.confirmed(i));
        }
        // a history that is not an extension (another start) is recomputed from scratch
        BarSeries later = bars.between(bars.date(3), bars.lastDate());
        live.syncTo(new History(later, later.size() - 1));
        RegimeSeries expected = RegimeSeries.of(later, SHORT);
        assertEquals(expected.size(), live.size());
        assertEquals(expected.confirmed(later.size() - 1), live.confirmed(live.size() - 1));
        assertEquals(Arrays.asList(null, null, null, CAUTIOUS), Arrays.asList(live.confirmed(0), live.confirmed(1),
                live.confirmed(2), live.confirmed(3)));
    }

    @Test
    void rejectsBadBars() {
        RegimeSeries s = new RegimeSeries(SHORT);
        s.append(START, 10);
        assertEquals("bar 2024-01-01 is not after 2024-01-01; dates must ascend",
                assertThrows(IllegalArgumentException.class, () -> s.append(START, 11)).getMessage());
        assertEquals("close on 2024-01-02 must be a positive price (got 0.0)",
                assertThrows(IllegalArgumentException.class, () -> s.append(START.plusDays(1), 0)).getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> s.confirmed(1));
    }

    /** Fast SMA, slow SMA, raw and confirmed regime of one day, compared as one value. */
    private record List4(double fast, double slow, Regime raw, Regime confirmed) {
        static List4 of(double fast, double slow, Regime raw, Regime confirmed) {
            return new List4(fast, slow, raw, confirmed);
        }

        static List4 at(RegimeSeries s, int i) {
            // rounded to 1e-9 so that sums like 12.5 + 12.6 compare with the hand-computed decimals
            return new List4(round(s.fastSma(i)), round(s.slowSma(i)), s.raw(i), s.confirmed(i));
        }

        private static double round(double v) {
            return Math.round(v * 1e9) / 1e9;
        }
    }
}
