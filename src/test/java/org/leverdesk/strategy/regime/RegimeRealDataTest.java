package org.leverdesk.strategy.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.testing.SharedPrices;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * The QQQ regime series on the real shared data (1999-03-10 .. 2025-09-26), pinned and cross-checked:
 * SMAs against ta4j, the whole regime series against a naive recount written independently here, a
 * few days against sums done with awk on the CSV, and look-ahead freedom on truncated histories.
 */
class RegimeRealDataTest {
    private static RegimeSeries full(BarSeries qqq) {
        return RegimeSeries.of(qqq, RegimeRules.defaults());
    }

    @Test
    void confirmedRegimeDaysPerRegime2011To2025() {
        BarSeries qqq = SharedPrices.load("QQQ");
        RegimeSeries s = full(qqq);
        Map<Regime, Integer> confirmed = new EnumMap<>(Regime.class);
        int changes = 0;
        int days = 0;
        for (int i = qqq.indexAtOrAfter(LocalDate.parse("2011-01-01")); i < s.size(); i++) {
            days++;
            confirmed.merge(s.confirmed(i), 1, Integer::sum);
            changes += s.confirmed(i) != s.confirmed(i - 1) ? 1 : 0;
        }
        // 2011-01-03 .. 2025-09-26. Checked to be sensible: the risk-off days cluster in 2011, late 2015-16,
        // Q4 2018, March 2020 and 2022 (BREAKDOWN for most of 2022), and the counts equal the naive recount below.
        assertEquals(3706, days);
        assertEquals(Map.of(Regime.STRONG_BULL, 1680, Regime.BULL, 160, Regime.CAUTIOUS, 1421, Regime.RISK_OFF, 133,
                Regime.BREAKDOWN, 312), confirmed);
        assertEquals(341, changes);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // values from awk sums over QQQ.csv: close < SMA250*0.98 = 192.4426 and SMA50 > SMA250 -> RISK_OFF at once
            "2020-03-12, 177.3200073, 219.4530, 196.3700, RISK_OFF, RISK_OFF",
            // 271.39 < 350.5992 and SMA50 311.8366 < SMA250 -> BREAKDOWN
            "2022-06-16, 271.3900146, 311.8366, 357.7543, BREAKDOWN, BREAKDOWN",
            // RISK_OFF entered 2022-01-25; the CAUTIOUS raw on 01-28 (3 days later) replaces it
            "2022-01-28, 351.7999878, 385.5524, 357.2900, CAUTIOUS, CAUTIOUS",
            // cold start: the 250th QQQ bar
            "2000-03-03, 111.0625, 95.4989, 67.1803, STRONG_BULL, CAUTIOUS",
            "2000-03-07, 110.25, 96.3552, 67.6596, STRONG_BULL, STRONG_BULL"
    })
    void handCheckedDays(LocalDate day, double close, double sma50, double sma250, Regime raw, Regime confirmed) {
        BarSeries qqq = SharedPrices.load("QQQ");
        RegimeSeries s = full(qqq);
        int i = s.indexOf(day);
        assertEquals(close, s.close(i));
        assertEquals(sma50, s.fastSma(i), 5e-5);
        assertEquals(sma250, s.slowSma(i), 5e-5);
        assertEquals(raw, s.raw(i));
        assertEquals(confirmed, s.confirmed(i));
    }

    @Test
    void smasAgreeWithTa4j() {
        BarSeries qqq = SharedPrices.load("QQQ");
        org.ta4j.core.BarSeries t = new BaseBarSeriesBuilder().withName("QQQ").withNumFactory(DoubleNumFactory.getInstance()).build();
        for (int i = 0; i < qqq.size(); i++) {
            t.barBuilder().timePeriod(Duration.ofDays(1)).endTime(qqq.date(i).atTime(16, 0).toInstant(ZoneOffset.UTC))
                    .openPrice(qqq.open(i)).highPrice(qqq.high(i)).lowPrice(qqq.low(i)).closePrice(qqq.close(i))
                    .volume(qqq.volume(i)).add();
        }
        ClosePriceIndicator close = new ClosePriceIndicator(t);
        SMAIndicator sma50 = new SMAIndicator(close, 50);
        SMAIndicator sma250 = new SMAIndicator(close, 250);
        RegimeSeries s = full(qqq);
        for (int i = 249; i < qqq.size(); i++) {
            assertEquals(sma50.getValue(i).doubleValue(), s.fastSma(i), 1e-9, "SMA50 " + qqq.date(i));
            assertEquals(sma250.getValue(i).doubleValue(), s.slowSma(i), 1e-9, "SMA250 " + qqq.date(i));
        }
    }

    @Test
    void naiveRecountGivesTheSameRegimeEveryDay() {
        BarSeries qqq = SharedPrices.load("QQQ");
        RegimeSeries s = full(qqq);
        // Written from the issue text, not from RegimeRules: direct sums, no rolling state.
        Regime held = null;
        int enteredOn = -1;
        for (int i = 0; i < qqq.size(); i++) {
            if (i < 249) {
                assertEquals(null, s.confirmed(i));
                continue;
            }
            double f = 0;
            double sl = 0;
            for (int k = i - 249; k <= i; k++) {
                sl += qqq.close(k);
                if (k > i - 50) {
                    f += qqq.close(k);
                }
            }
            f /= 50;
            sl /= 250;
            double c = qqq.close(i);
            Regime raw;
            if (c < sl * 0.98) {
                raw = f < sl ? Regime.BREAKDOWN : Regime.RISK_OFF;
            } else if (c > f * 1.02 && c > sl) {
                raw = f > sl ? Regime.STRONG_BULL : Regime.BULL;
            } else {
                raw = Regime.CAUTIOUS;
            }
            if (held == null) {
                held = Regime.CAUTIOUS;
                enteredOn = i;
            } else if (raw != held && (raw == Regime.RISK_OFF || raw == Regime.BREAKDOWN || i >= enteredOn + 2)) {
                held = raw;
                enteredOn = i;
            }
            assertEquals(raw, s.raw(i), "raw " + qqq.date(i));
            assertEquals(held, s.confirmed(i), "confirmed " + qqq.date(i));
        }
    }

    @Test
    void truncatedHistoriesGiveTheSameRegimes() {
        BarSeries qqq = SharedPrices.load("QQQ");
        RegimeSeries s = full(qqq);
        for (String cut : new String[] {"2000-03-03", "2008-10-10", "2020-03-12", "2022-01-26"}) {
            BarSeries part = qqq.between(qqq.firstDate(), LocalDate.parse(cut));
            RegimeSeries p = full(part);
            for (int i = 0; i < p.size(); i++) {
                assertEquals(s.confirmed(i), p.confirmed(i));
                assertEquals(s.slowSma(i), p.slowSma(i));
            }
            assertTrue(p.size() < s.size());
        }
    }
}
