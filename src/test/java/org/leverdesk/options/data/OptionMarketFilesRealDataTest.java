package org.leverdesk.options.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.options.chain.ChainFilter;
import org.leverdesk.options.chain.OptionChain;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.testing.SharedPrices;

/** Synthetic chains on the real VIX, VXN, DGS3MO and prices of ../shared/data (skipped when it is absent); values pinned. */
class OptionMarketFilesRealDataTest {
    private static final NyseCalendar NYSE = new NyseCalendar();
    private static SyntheticChains chains;
    private static MarketData prices;

    @BeforeAll
    static void load() {
        Path dir = SharedPrices.dir();
        OptionMarketFiles.Locations files = OptionMarketFiles.besidePrices(dir);
        assertNotNull(files.vix());
        assertNotNull(files.vxn());
        assertNotNull(files.treasuryBills());
        prices = new CsvDirectoryMarketData(dir, new CsvBarReader(NYSE));
        chains = OptionMarketFiles.realMarket(files, prices, NYSE);
    }

    private static double close(String symbol, LocalDate day) {
        return prices.bars(symbol, day, day).close(0);
    }

    @Test
    void qqqChainOfTwoThousandTwentyFourMayThird() {
        LocalDate day = LocalDate.of(2024, 5, 3);
        OptionChain chain = chains.chain("QQQ", day, close("QQQ", day), ChainFilter.dteWindow(7, 45));
        assertEquals("VXN", chain.inputs().index().source());
        assertEquals(17.40, chain.inputs().index().level(), 0);
        assertEquals(LocalDate.of(2024, 5, 3), chain.inputs().rate().observed());
        assertEquals(0.0541330562, chain.rate(), 1e-10); // DGS3MO 5.45%
        // Pinned: VXN 17.40 → ATM30 16.06%; trailing QQQ yield 0.67%; the 35-day 435 put (spot 435.48).
        assertEquals(0.1606, chain.inputs().atm30(), 5e-5);
        assertEquals(0.0067, chain.dividendYield(), 5e-5);
        assertEquals("synthetic: VXN 17.40 (2024-05-03) → ATM30 16.06%, r 5.413% (DGS3MO 2024-05-03), q 0.67%",
                chain.inputs().toString());
        OptionContract put = OptionContract.of("QQQ", LocalDate.of(2024, 6, 7), OptionRight.PUT, "435");
        OptionQuote q = chain.find(put).orElseThrow();
        assertEquals(7.6496313551, q.mark(), 1e-9);
        assertEquals(0.1645790807, q.impliedVolatility(), 1e-9);
        assertEquals(7.57, q.bid(), 1e-12);
        assertEquals(7.73, q.ask(), 1e-12);
        assertEquals(-0.4454503272, q.delta(), 1e-9);
        assertEquals(-0.0988692165, q.greeks().thetaPerDay(), 1e-9);
    }

    @Test
    void beforeVxnExistsQqqUsesScaledVixAndSpyUsesVix() {
        LocalDate day = LocalDate.of(2008, 10, 10);
        OptionChain qqq = chains.chain("QQQ", day, close("QQQ", day), ChainFilter.dteWindow(7, 45));
        assertEquals("VIX × 1.165", qqq.inputs().index().source());
        assertEquals(69.95 * 1.165, qqq.inputs().index().level(), 1e-9);
        OptionChain spy = chains.chain("SPY", day, close("SPY", day), ChainFilter.dteWindow(7, 45));
        assertEquals("VIX", spy.inputs().index().source());
        assertEquals(69.95, spy.inputs().index().level(), 0);
        // Crisis levels: the ATM volatility sits further below the index (0.903 and 0.907 of it).
        assertEquals(0.7359, qqq.inputs().atm30(), 5e-5);
        assertEquals(0.6342, spy.inputs().atm30(), 5e-5);
    }

    @Test
    void everyQqqSessionFromTwoThousandTenHasAChain() {
        BarSeries qqq = prices.bars("QQQ", LocalDate.of(2010, 1, 4), LocalDate.of(2025, 9, 26));
        ChainFilter filter = new ChainFilter(7, 45, 2, 20);
        int quotes = 0;
        double sumAtm = 0;
        for (int i = 0; i < qqq.size(); i++) {
            OptionChain chain = chains.chain("QQQ", qqq.date(i), qqq.close(i), filter);
            quotes += chain.quotes().size();
            sumAtm += chain.inputs().atm30();
            for (OptionQuote q : chain.quotes()) {
                assertTrue(q.bid() >= 0 && q.ask() > q.bid() && q.mark() >= 0, q::toString);
            }
        }
        assertEquals(3958, qqq.size());
        assertEquals(591_020, quotes);
        // VXN averaged 21.5 over 2009–2026; the 30-day ATM volatility averages about 0.91 of it.
        assertEquals(0.1963, sumAtm / qqq.size(), 5e-4);
    }
}
