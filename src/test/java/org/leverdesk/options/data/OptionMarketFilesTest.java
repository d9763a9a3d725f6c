package org.leverdesk.options.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvValidationException;
import org.leverdesk.market.data.MarketDataException;
import org.leverdesk.market.demo.DemoMarketData;
import org.leverdesk.market.demo.DemoMarketGenerator;
import org.leverdesk.options.chain.ChainFilter;
import org.leverdesk.options.chain.OptionChain;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.market.DailySeries;
import org.leverdesk.options.market.OptionInputException;
import org.leverdesk.testing.MapMarketData;

class OptionMarketFilesTest {
    private static final NyseCalendar NYSE = new NyseCalendar();

    @TempDir
    Path dir;

    @Test
    void readsTreasuryBillYields() throws IOException {
        Path file = dir.resolve("DGS3MO.csv");
        Files.writeString(file, "date,rate_percent\n2024-05-02,5.46\n2024-05-03,5.45\n\n2024-05-06,5.45\n");
        DailySeries bills = OptionMarketFiles.readTreasuryBills(file);
        assertEquals(3, bills.size());
        assertEquals(5.45, bills.valueOn(LocalDate.of(2024, 5, 5)), 0);
        assertEquals("DGS3MO", bills.name());
    }

    @Test
    void badRateLinesAreAllListedAndNothingIsUsed() throws IOException {
        Path file = dir.resolve("DGS3MO.csv");
        Files.writeString(file, "date,rate_percent\n2024-05-02,5.46\n2024-13-01,5.0\n2024-05-03,.\n2024-05-01,5.4\n"
                + "2024-05-06,5.45,x\n2024-05-07,45\n");
        CsvValidationException e = assertThrows(CsvValidationException.class, () -> OptionMarketFiles.readTreasuryBills(file));
        assertEquals(5, e.problems().size());
        assertEquals("DGS3MO.csv:3: '2024-13-01' is not an ISO date (YYYY-MM-DD)", e.problems().get(0).toString());
        assertEquals("DGS3MO.csv:4: '.' is not a number (leave out days without a value)", e.problems().get(1).toString());
        assertEquals("DGS3MO.csv:5: date 2024-05-01 is not after the previous line's 2024-05-02", e.problems().get(2).toString());
        assertEquals("DGS3MO.csv:6: expected 2 fields (date,rate_percent), got 3", e.problems().get(3).toString());
        assertEquals("DGS3MO.csv:7: rate 45% is outside -5..30 percent", e.problems().get(4).toString());
        assertTrue(e.getMessage().contains("nothing from the file was used"), e.getMessage());
    }

    @Test
    void wrongHeaderOrMissingFile() throws IOException {
        Path file = dir.resolve("rates.csv");
        Files.writeString(file, "DATE,DGS3MO\n2024-05-02,5.46\n");
        CsvValidationException e = assertThrows(CsvValidationException.class, () -> OptionMarketFiles.readTreasuryBills(file));
        assertTrue(e.getMessage().contains("header must be 'date,rate_percent'"), e.getMessage());
        assertThrows(MarketDataException.class, () -> OptionMarketFiles.readTreasuryBills(dir.resolve("missing.csv")));
    }

    @Test
    void findsTheFilesBesideAPricesFolder() throws IOException {
        Path prices = Files.createDirectories(dir.resolve("data/prices"));
        Files.createDirectories(dir.resolve("data/volatility"));
        Files.createDirectories(dir.resolve("data/rates"));
        Files.writeString(prices.resolve("VIX.csv"), "x");
        Files.writeString(dir.resolve("data/volatility/VXN.csv"), "x");
        OptionMarketFiles.Locations found = OptionMarketFiles.besidePrices(prices);
        assertEquals(prices.resolve("VIX.csv"), found.vix());
        assertEquals(dir.resolve("data/volatility/VXN.csv").toAbsolutePath().normalize(), found.vxn());
        assertNull(found.treasuryBills());
    }

    @Test
    void noVixFileMeansNoChains() {
        OptionInputException e = assertThrows(OptionInputException.class, () -> OptionMarketFiles.realMarket(
                new OptionMarketFiles.Locations(null, null, null), new MapMarketData(java.util.Map.of(), false), NYSE));
        assertTrue(e.getMessage().contains("no VIX.csv"), e.getMessage());
    }

    @Test
    void demoMarketHasChainsForQqqQqqmAndSpy() {
        LocalDate end = LocalDate.of(2025, 9, 26);
        DemoMarketData demo = new DemoMarketData(new DemoMarketGenerator(NYSE, DemoMarketGenerator.DEFAULT_SEED), end);
        SyntheticChains chains = OptionMarketFiles.demoMarket(demo, NYSE);
        assertEquals(Set.of("QQQ", "QQQM", "SPY"), chains.underlyings());
        LocalDate day = LocalDate.of(2025, 9, 2);
        double spot = demo.bars("QQQ", day, day).close(0);
        OptionChain chain = chains.chain("QQQ", day, spot, ChainFilter.dteWindow(7, 45));
        assertEquals("VXN", chain.inputs().index().source());
        assertEquals(demo.bars("VIX", day, day).close(0) * 1.165, chain.inputs().index().level(), 1e-9);
        assertTrue(chain.inputs().rate().isFallback());
        assertTrue(chain.quotes().size() > 100);
        assertNotNull(chains.chain("SPY", day, demo.bars("SPY", day, day).close(0), ChainFilter.dteWindow(7, 45)));
        // The demo's QQQ accrues a 0.6% yield into adj_close, which the trailing estimate finds.
        assertEquals(0.006, chain.dividendYield(), 1e-4);
    }
}
