package org.leverdesk.market.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.testing.WeekdayCalendar;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.data.MarketDataException;

class DemoMarketDataTest {
    private static final WeekdayCalendar CALENDAR = WeekdayCalendar.withHolidays("2024-01-01", "2024-12-25");
    private static final LocalDate YESTERDAY = LocalDate.of(2024, 12, 31);
    private final MarketData demo = new DemoMarketData(new DemoMarketGenerator(CALENDAR, 5), YESTERDAY);

    @Test
    void isLabelledAsSimulated() {
        assertEquals("DEMO — simulated prices", demo.sourceLabel());
        assertTrue(demo.isSimulated());
    }

    @Test
    void offersTheNasdaqFundsAndVix() {
        assertTrue(demo.symbols().containsAll(Set.of("QQQ", "TQQQ", "SQQQ", "VIX", "QQQM")));
        // and every ticker of the rotation's default groups, so its view works on first start
        assertTrue(demo.symbols().containsAll(org.leverdesk.strategy.rotation.TickerGroups.defaults().all()), demo.symbols().toString());
    }

    @Test
    void barsAreCutToTheRangeAndEndOnTheGivenDay() {
        BarSeries s = demo.bars("tqqq", LocalDate.of(2024, 12, 23), LocalDate.of(2025, 1, 10));
        assertEquals(List.of(LocalDate.of(2024, 12, 23), LocalDate.of(2024, 12, 24), LocalDate.of(2024, 12, 26),
                LocalDate.of(2024, 12, 27), LocalDate.of(2024, 12, 30), LocalDate.of(2024, 12, 31)),
                s.bars().stream().map(b -> b.date()).toList());
        assertEquals("TQQQ", s.symbol());
    }

    @Test
    void servesTheGeneratorsBarsForTheSameSeed() {
        BarSeries direct = new DemoMarketGenerator(CALENDAR, 5).generate(YESTERDAY).get("QQQ");
        assertEquals(direct.bars(), demo.bars("QQQ", DemoMarketGenerator.START, YESTERDAY).bars());
    }

    @Test
    void generatesOnceAndReusesTheSeries() {
        BarSeries a = demo.bars("VIX", DemoMarketGenerator.START, YESTERDAY);
        BarSeries b = demo.bars("VIX", DemoMarketGenerator.START, YESTERDAY);
        assertEquals(a.bars(), b.bars());
        assertSame(a.bars().get(0).date(), b.bars().get(0).date(), "same underlying series");
    }

    @Test
    void unknownSymbolListsTheAvailableOnes() {
        MarketDataException e = assertThrows(MarketDataException.class, () -> demo.bars("ZZZ", YESTERDAY, YESTERDAY));
        assertEquals("the DEMO market has no symbol ZZZ; available: AFRM, CPER, GLD, IREN, JEF, MSFT, NVDA, OKLO, PLTR, QBTS, QQQ, "
                + "QQQM, RMBS, SLX, SOFI, SPY, SQQQ, TQQQ, TSLA, VIX", e.getMessage());
    }

    @Test
    void aRangeOutsideTheSimulationNamesWhatExists() {
        MarketDataException e = assertThrows(MarketDataException.class,
                () -> demo.bars("QQQ", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1)));
        assertEquals("no QQQ bars from 2025-01-01 to 2025-03-01; the DEMO market has bars from 2000-01-03 to 2024-12-31",
                e.getMessage());
    }

    @Test
    void anEndBeforeTheDemoStartIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new DemoMarketData(new DemoMarketGenerator(CALENDAR, 1), LocalDate.of(1999, 1, 1)));
    }
}
