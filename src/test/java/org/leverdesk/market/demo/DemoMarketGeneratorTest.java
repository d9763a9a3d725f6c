package org.leverdesk.market.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.testing.WeekdayCalendar;
import org.leverdesk.market.data.BarValidator;

class DemoMarketGeneratorTest {
    private static final LocalDate END = LocalDate.of(2025, 12, 31);
    private static final double DRAG = 0.0095 / 252;
    private static final WeekdayCalendar CALENDAR = fixedDateHolidays();

    private static final Map<String, BarSeries> MARKET =
            new DemoMarketGenerator(CALENDAR, DemoMarketGenerator.DEFAULT_SEED).generate(END);

    /** Weekdays minus New Year, Independence Day and Christmas of 2000–2030. */
    private static WeekdayCalendar fixedDateHolidays() {
        List<LocalDate> holidays = new ArrayList<>();
        for (int y = 2000; y <= 2030; y++) {
            holidays.addAll(List.of(LocalDate.of(y, 1, 1), LocalDate.of(y, 7, 4), LocalDate.of(y, 12, 25)));
        }
        return new WeekdayCalendar(holidays);
    }

    private static double[] returns(BarSeries s) {
        double[] r = new double[s.size() - 1];
        for (int i = 1; i < s.size(); i++) {
            r[i - 1] = s.close(i) / s.close(i - 1) - 1;
        }
        return r;
    }

    private static double annualizedVol(BarSeries s) {
        double[] r = returns(s);
        double mean = Arrays.stream(r).average().orElseThrow();
        double var = Arrays.stream(r).map(x -> (x - mean) * (x - mean)).sum() / (r.length - 1);
        return Math.sqrt(var * 252);
    }

    private static double maxDrawdown(BarSeries s) {
        double peak = s.close(0);
        double worst = 0;
        for (int i = 0; i < s.size(); i++) {
            peak = Math.max(peak, s.close(i));
            worst = Math.min(worst, s.close(i) / peak - 1);
        }
        return worst;
    }

    @Test
    void generatesEveryTradingDayOfTheCalendarFromJanuary2000ToTheEndDate() {
        for (BarSeries s : MARKET.values()) {
            assertEquals(CALENDAR.tradingDays(LocalDate.of(2000, 1, 3), END),
                    s.bars().stream().map(b -> b.date()).toList(), s.symbol());
        }
        assertEquals(List.of("QQQ", "TQQQ", "SQQQ", "VIX", "QQQM", "SPY", "GLD", "SLX", "JEF", "CPER", "NVDA", "PLTR", "TSLA",
                "MSFT", "OKLO", "RMBS", "QBTS", "IREN", "AFRM", "SOFI"), List.copyOf(MARKET.keySet()));
        BarSeries qqq = MARKET.get("QQQ");
        assertEquals(LocalDate.of(2000, 1, 3), qqq.firstDate());
        assertEquals(LocalDate.of(2025, 12, 31), qqq.lastDate());
        assertEquals(-1, qqq.indexOf(LocalDate.of(2025, 12, 25)), "Christmas is a holiday of the test calendar");
    }

    @Test
    void sameSeedCalendarAndEndGiveIdenticalBars() {
        Map<String, BarSeries> again = new DemoMarketGenerator(CALENDAR, DemoMarketGenerator.DEFAULT_SEED).generate(END);
        for (String symbol : MARKET.keySet()) {
            assertEquals(MARKET.get(symbol).bars(), again.get(symbol).bars(), symbol);
        }
    }

    @Test
    void anotherSeedGivesAnotherMarket() {
        Map<String, BarSeries> other = new DemoMarketGenerator(CALENDAR, 7).generate(END);
        assertNotEquals(MARKET.get("QQQ").close(100), other.get("QQQ").close(100));
    }

    @Test
    void aLaterEndDateOnlyAppendsDaysUpToSimulatedSplits() {
        Map<String, BarSeries> shorter = new DemoMarketGenerator(CALENDAR, DemoMarketGenerator.DEFAULT_SEED)
                .generate(LocalDate.of(2010, 6, 30));
        for (String symbol : MARKET.keySet()) {
            BarSeries s = shorter.get(symbol);
            BarSeries full = MARKET.get(symbol);
            // leveraged funds are re-based by the splits that happened after the shorter end date
            double factor = full.close(0) / s.close(0);
            double log2 = Math.log(factor) / Math.log(2);
            assertEquals(Math.rint(log2), log2, 1e-9, symbol + " is re-based by a power of two");
            if ((!symbol.endsWith("QQQ") || symbol.equals("QQQ")) && !DemoStocks.generates(symbol)) {
                assertEquals(1.0, factor, 0.0, symbol + " never splits");
            }
            for (int i = 0; i < s.size(); i++) {
                assertEquals(full.close(i), s.close(i) * factor, 1e-9 * full.close(i), symbol + " " + s.date(i));
                assertEquals(full.high(i), s.high(i) * factor, 1e-9 * full.high(i), symbol + " " + s.date(i));
            }
        }
    }

    @Test
    void everyBarPassesTheCsvValidationAndHasAConsistentRange() {
        BarValidator validator = new BarValidator(CALENDAR);
        for (BarSeries s : MARKET.values()) {
            assertEquals(List.of(), validator.validate("DEMO " + s.symbol(), s.bars()), s.symbol());
            for (int i = 0; i < s.size(); i++) {
                String where = s.symbol() + " " + s.date(i);
                assertTrue(s.high(i) >= Math.max(s.open(i), s.close(i)), where);
                assertTrue(s.low(i) <= Math.min(s.open(i), s.close(i)), where);
                assertTrue(s.low(i) > 0 && Double.isFinite(s.high(i)) && s.adjClose(i) > 0, where);
                assertTrue(s.volume(i) >= 0, where);
            }
        }
    }

    @Test
    void qqqStartsNearOneHundredWithRealisticVolatility() {
        BarSeries qqq = MARKET.get("QQQ");
        assertEquals(100, qqq.close(0), 10);
        double vol = annualizedVol(qqq);
        assertTrue(vol > 0.15 && vol < 0.35, "annualized vol " + vol);
    }

    @Test
    void qqqHasACrashWorseThanThirtyPercentAndRecoversFromIt() {
        BarSeries qqq = MARKET.get("QQQ");
        assertTrue(maxDrawdown(qqq) < -0.30, "max drawdown " + maxDrawdown(qqq));
        // Recovery: from the lowest close after the first 30% fall, the price later gains at least 50%.
        double peak = qqq.close(0);
        int trough = -1;
        for (int i = 0; i < qqq.size() && trough < 0; i++) {
            peak = Math.max(peak, qqq.close(i));
            if (qqq.close(i) / peak - 1 < -0.30) {
                trough = i;
            }
        }
        double low = Double.MAX_VALUE;
        double laterHigh = 0;
        for (int i = trough; i < qqq.size(); i++) {
            if (qqq.close(i) < low) {
                low = qqq.close(i);
                laterHigh = low;
            }
            laterHigh = Math.max(laterHigh, qqq.close(i));
        }
        assertTrue(laterHigh / low > 1.5, "rebound from the crash low " + laterHigh / low);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1_000_003})
    void otherSeedsAlsoGiveRealisticVolatilityAndACrash(long seed) {
        BarSeries qqq = new DemoMarketGenerator(CALENDAR, seed).generate(END).get("QQQ");
        double vol = annualizedVol(qqq);
        assertTrue(vol > 0.15 && vol < 0.35, "annualized vol " + vol);
        assertTrue(maxDrawdown(qqq) < -0.30, "max drawdown " + maxDrawdown(qqq));
    }

    @Test
    void tqqqMovesThreeTimesQqqMinusTheDailyExpenseDrag() {
        double[] q = returns(MARKET.get("QQQ"));
        double[] t = returns(MARKET.get("TQQQ"));
        for (int i = 0; i < q.length; i++) {
            assertEquals(3 * q[i] - DRAG, t[i], 1e-9, "day " + (i + 1));
        }
    }

    @Test
    void sqqqMovesMinusThreeTimesQqqMinusTheDailyExpenseDrag() {
        double[] q = returns(MARKET.get("QQQ"));
        double[] s = returns(MARKET.get("SQQQ"));
        for (int i = 0; i < q.length; i++) {
            assertEquals(-3 * q[i] - DRAG, s[i], 1e-9, "day " + (i + 1));
        }
    }

    @Test
    void leveragedFundsEndAtATradablePriceAfterSimulatedSplits() {
        for (String symbol : new String[] {"TQQQ", "SQQQ"}) {
            BarSeries s = MARKET.get(symbol);
            double last = s.close(s.size() - 1);
            assertTrue(last >= 20 && last < 40, symbol + " ends at " + last);
        }
    }

    @Test
    void qqqAdjCloseAccruesAboutSixTenthsOfAPercentAYearAndMeetsCloseOnTheLastDay() {
        BarSeries qqq = MARKET.get("QQQ");
        int last = qqq.size() - 1;
        assertEquals(qqq.close(last), qqq.adjClose(last), 0.0);
        double years = last / 252.0;
        assertEquals(Math.exp(-0.006 * years), qqq.adjClose(0) / qqq.close(0), 1e-12);
        for (int i = 1; i <= last; i++) {
            assertTrue(qqq.adjClose(i) / qqq.close(i) > qqq.adjClose(i - 1) / qqq.close(i - 1));
        }
    }

    @Test
    void vixStaysInItsUsualBandAndRisesWhenQqqFalls() {
        BarSeries vix = MARKET.get("VIX");
        double[] closes = vix.closes(vix.size() - 1);
        double[] sorted = closes.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        assertTrue(median > 12 && median < 25, "median VIX " + median);
        assertTrue(sorted[0] >= 9 && sorted[sorted.length - 1] <= 90, "VIX range " + sorted[0] + ".." + sorted[sorted.length - 1]);
        assertTrue(sorted[sorted.length - 1] > 45, "VIX never spiked: max " + sorted[sorted.length - 1]);
        double[] q = returns(MARKET.get("QQQ"));
        double[] v = new double[q.length];
        for (int i = 1; i < closes.length; i++) {
            v[i - 1] = Math.log(closes[i] / closes[i - 1]);
        }
        double corr = correlation(q, v);
        assertTrue(corr < -0.5, "correlation of VIX changes with QQQ returns " + corr);
    }

    @Test
    void qqqmIsQqqScaled() {
        BarSeries qqq = MARKET.get("QQQ");
        BarSeries qqqm = MARKET.get("QQQM");
        assertEquals(qqq.close(1234) * 0.41, qqqm.close(1234), 1e-9);
        assertEquals(qqq.adjClose(1234) * 0.41, qqqm.adjClose(1234), 1e-9);
    }

    @Test
    void anEndBeforeTheStartIsRejected() {
        DemoMarketGenerator g = new DemoMarketGenerator(CALENDAR, 1);
        assertThrows(IllegalArgumentException.class, () -> g.generate(LocalDate.of(1999, 12, 31)));
        assertEquals(DayOfWeek.MONDAY, DemoMarketGenerator.START.getDayOfWeek());
    }

    private static double correlation(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
