package org.leverdesk.research.similar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.research.ResearchFixture;

class SessionFeaturesTest {
    private static BarSeries bars(String symbol) {
        return ResearchFixture.demoEngine().bars(symbol, MarketData.EARLIEST, LocalDate.of(2012, 12, 31));
    }

    @Test
    void everyFeatureOfSeed001WithRegimeAndVix() {
        FeatureTable t = SessionFeatures.of(bars("TQQQ"), bars("QQQ"), bars("VIX"));
        assertEquals(List.of("regime", "volatility", "rsi14", "atr_pct", "volume_ratio", "sma20_dist", "sma50_dist", "sma200_dist",
                "vix"), t.names());
        assertTrue(t.rows() > 500);
        for (double[] row : t.values()) {
            assertTrue(row[0] >= -2 && row[0] <= 2 && row[0] == Math.rint(row[0]), "regime is -2..2");
            assertTrue(row[2] >= 0 && row[2] <= 100, "RSI");
            assertTrue(row[1] > 0 && row[3] > 0 && row[4] > 0 && row[8] > 0);
        }
        FeatureTable without = SessionFeatures.of(bars("TQQQ"), null, null);
        assertEquals(7, without.names().size(), "regime and VIX are left out when their prices are missing");
    }

    @Test
    void aDaysFeaturesUseOnlyThatDayAndEarlier() {
        BarSeries all = bars("TQQQ");
        FeatureTable full = SessionFeatures.of(all, bars("QQQ"), bars("VIX"));
        LocalDate day = full.dates()[300];
        BarSeries cut = all.between(all.firstDate(), day);
        FeatureTable upToDay = SessionFeatures.of(cut, bars("QQQ").between(MarketData.EARLIEST, day), bars("VIX"));
        assertEquals(day, upToDay.dates()[upToDay.rows() - 1]);
        assertArrayEquals(full.values()[300], upToDay.values()[upToDay.rows() - 1], 1e-9);
    }

    @Test
    void volatilityAndVolumeRatioByHand() {
        // closes alternate 100, 110: every log return is ±ln(1.1); 20 returns of which 10 up, 10 down -> mean 0,
        // sample variance 20·ln(1.1)²/19
        List<org.leverdesk.domain.Bar> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 22; i++) {
            double c = i % 2 == 0 ? 100 : 110;
            rows.add(new org.leverdesk.domain.Bar(LocalDate.of(2024, 1, 1).plusDays(i), c, c, c, c, i == 21 ? 2000 : 1000, c));
        }
        BarSeries s = BarSeries.of("X", rows);
        double expected = Math.sqrt(20 * Math.pow(Math.log(1.1), 2) / 19) * Math.sqrt(252) * 100;
        assertEquals(expected, SessionFeatures.volatility(s, 21), 1e-9);
        assertEquals(2000 / ((19 * 1000 + 2000) / 20.0), SessionFeatures.volumeRatio(s, 21), 1e-12);
    }
}
