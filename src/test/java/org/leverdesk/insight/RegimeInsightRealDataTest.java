package org.leverdesk.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.strategy.regime.Regime;
import org.leverdesk.strategy.regime.RegimeConfig;
import org.leverdesk.testing.SharedPrices;

/** The read-models on the real ../shared QQQ/TQQQ prices (skipped when they are absent). */
class RegimeInsightRealDataTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private final NyseCalendar calendar = new NyseCalendar();

    private RegimeInsightService at(LocalDate day) {
        Clock clock = Clock.fixed(day.atTime(LocalTime.of(17, 0)).atZone(NY).toInstant(), NY);
        return new RegimeInsightService(new CsvDirectoryMarketData(SharedPrices.dir(), new CsvBarReader(calendar)), calendar,
                RegimeConfig.defaults(), clock);
    }

    @Test
    void onTheCovidCrashDayTheStatusIsRiskOffWithNothingToBuy() {
        // 2020-03-12: close 177.32 < 0.98 x SMA250 196.37 with SMA50 above it -> RISK_OFF at once (see RegimeCommandTest)
        RegimeStatus s = at(LocalDate.parse("2020-03-12")).status();
        assertEquals(LocalDate.parse("2020-03-12"), s.dataDate());
        assertEquals(Regime.RISK_OFF, s.raw());
        assertEquals(Regime.RISK_OFF, s.confirmed());
        assertEquals(0, s.targetShares());
        assertEquals("no order", s.order().text());
        assertFalse(s.gates().stream().filter(g -> g.name().equals("regime allows long")).findFirst().orElseThrow().passed());
        assertTrue(s.gates().size() >= 14);
    }

    @Test
    void theHistoryNeverHoldsTqqqWhileTheConfirmedRegimeIsRiskOffOrBreakdown() {
        RegimeHistory h = at(LocalDate.parse("2025-01-01")).history(LocalDate.parse("1999-03-10"), LocalDate.parse("2024-12-31"),
                10_000, ProgressListener.NONE, CancellationToken.NONE);
        assertTrue(h.size() > 6400, "QQQ since 1999: " + h.size());
        int held = 0;
        for (int i = 0; i < h.size(); i++) {
            if (h.confirmed()[i] != null && h.confirmed()[i].isRiskOff()) {
                assertEquals(0, h.position()[i], "position on " + h.dates()[i]);
            }
            held += h.position()[i] > 0 ? 1 : 0;
        }
        assertTrue(held > 1000, "days holding TQQQ: " + held);
        assertNotNull(h.decisionOn(LocalDate.parse("2020-03-12")));
        assertEquals("RISK_OFF", h.decisionOn(LocalDate.parse("2020-03-12")).explanation().regime());
        assertTrue(h.spans().size() > 20);
    }
}
