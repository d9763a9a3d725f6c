package org.leverdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.data.DataCatalog.SymbolCoverage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class BarRepositoryTest {
    private static final Logger LOG = LoggerFactory.getLogger(BarRepositoryTest.class);
    private static final LocalDate D1 = LocalDate.of(2024, 1, 2);
    private static final LocalDate D2 = LocalDate.of(2024, 1, 3);
    private static final LocalDate D3 = LocalDate.of(2024, 1, 4);

    @TempDir
    Path dir;
    private Store store;
    private BarRepository repo;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        repo = new BarRepository(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Bar bar(LocalDate d, double close) {
        return new Bar(d, close - 1, close + 2, close - 2, close, 1_000 + (long) close, close * 0.9);
    }

    @Test
    void roundTripKeepsEveryFieldAndSortsByDate() {
        Bar a = new Bar(D1, 400.25, 405.5, 399.125, 404.0, 51_234_567L, 398.75);
        Bar b = new Bar(D2, 404.0, 406.0, 401.0, 402.5, 40_000_000L, 397.0);
        // Written out of order on purpose: the store returns them by date.
        assertEquals(2, repo.upsert("QQQ", List.of(b, a)));
        BarSeries s = repo.load("QQQ");
        assertEquals("QQQ", s.symbol());
        assertEquals(List.of(a, b), s.bars());
    }

    @Test
    void upsertOverwritesTheBarOfTheSameDateAndKeepsOthers() {
        repo.upsert("QQQ", List.of(bar(D1, 100), bar(D2, 101)));
        repo.upsert("QQQ", List.of(bar(D2, 200), bar(D3, 102)));
        assertEquals(List.of(bar(D1, 100), bar(D2, 200), bar(D3, 102)), repo.load("QQQ").bars());
    }

    @Test
    void symbolsAreKeptApart() {
        repo.upsert("TQQQ", List.of(bar(D1, 50)));
        repo.upsert("QQQ", List.of(bar(D1, 100), bar(D2, 101)));
        assertEquals(List.of(bar(D1, 50)), repo.load("TQQQ").bars());
        assertEquals(List.of("QQQ", "TQQQ"), repo.symbols());
        assertEquals(0, repo.load("SQQQ").size());
    }

    @Test
    void loadRangeIncludesBothEnds() {
        repo.upsert("QQQ", List.of(bar(D1, 100), bar(D2, 101), bar(D3, 102), bar(D3.plusDays(1), 103)));
        assertEquals(List.of(bar(D2, 101), bar(D3, 102)), repo.load("QQQ", D2, D3).bars());
        assertEquals(0, repo.load("QQQ", D3.plusDays(2), D3.plusDays(9)).size());
    }

    @Test
    void coverageGivesFirstLastAndCountPerSymbol() {
        repo.upsert("TQQQ", List.of(bar(D2, 50)));
        repo.upsert("QQQ", List.of(bar(D3, 100), bar(D1, 101), bar(D2, 102)));
        assertEquals(List.of(new SymbolCoverage("QQQ", D1, D3, 3), new SymbolCoverage("TQQQ", D2, D2, 1)), repo.coverage());
    }

    @Test
    void aRejectedBarMidwayLeavesTheTableUnchanged() {
        repo.upsert("QQQ", List.of(bar(D1, 100), bar(D2, 101)));
        List<Bar> bad = List.of(
                bar(D2, 555),                                   // would overwrite an existing bar
                bar(D3, 102),                                   // would add a new one
                new Bar(D3.plusDays(1), 1, 2, 3, 1.5, 10, 1.5), // high < low: rejected by the schema
                bar(D3.plusDays(2), 104));
        StoreException e = assertThrows(StoreException.class, () -> repo.upsert("QQQ", bad));
        assertEquals("could not save bars of QQQ in the Leverdesk store at " + dir + ": bar 3 of 4 (2024-01-05)"
                + " was rejected (Check constraint violation: CK_BARS_VALUES); nothing was saved", e.getMessage());
        assertEquals(List.of(bar(D1, 100), bar(D2, 101)), repo.load("QQQ").bars());
    }

    @Test
    void aBarWithoutADateIsRejectedAndNothingIsWritten() {
        List<Bar> bad = List.of(bar(D1, 100), new Bar(null, 1, 2, 1, 1.5, 10, 1.5), bar(D3, 102));
        StoreException e = assertThrows(StoreException.class, () -> repo.upsert("QQQ", bad));
        assertTrue(e.getMessage().contains("bar 2 of 3 (null) was rejected"), e.getMessage());
        assertEquals(List.of(), repo.symbols());
    }

    @Test
    void nonFinitePricesAreRejectedByTheSchema() {
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 0, -1}) {
            Bar bad = new Bar(D1, 10, 11, 9, v, 100, 10);
            assertThrows(StoreException.class, () -> repo.upsert("QQQ", List.of(bad)), "close " + v);
        }
        assertEquals(List.of(), repo.symbols());
    }

    @Test
    void upsertOfEightThousandBarsStoresEveryBar() {
        List<Bar> bars = new ArrayList<>();
        LocalDate d = LocalDate.of(1994, 1, 3);
        for (int i = 0; i < 8_000; i++) {
            bars.add(bar(d.plusDays(i), 100 + i * 0.01));
        }
        // Timed for the log only: speed is measured by benchmarks, not asserted on a shared build machine.
        long t0 = System.nanoTime();
        repo.upsert("SPY", bars);
        LOG.info("upsert of 8,000 bars took {} ms", (System.nanoTime() - t0) / 1_000_000);
        BarSeries s = repo.load("SPY");
        assertEquals(8_000, s.size());
        assertEquals(bars.get(7_999), s.bar(7_999));
    }

    @Test
    void realSpyHistoryRoundTripsExactly() throws Exception {
        Path csv = Path.of(System.getProperty("leverdesk.shared.prices", "../shared/data/prices")).resolve("SPY.csv");
        Assumptions.assumeTrue(Files.isRegularFile(csv), "real prices not found at " + csv + "; skipping");
        List<Bar> bars = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            bars.add(new Bar(LocalDate.parse(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), Long.parseLong(f[5]), Double.parseDouble(f[6])));
        }
        long t0 = System.nanoTime();
        repo.upsert("SPY", bars);
        LOG.info("upsert of {} real SPY bars took {} ms", bars.size(), (System.nanoTime() - t0) / 1_000_000);
        assertEquals(bars, repo.load("SPY").bars());
        assertEquals(List.of(new SymbolCoverage("SPY", bars.get(0).date(), bars.get(bars.size() - 1).date(), bars.size())),
                repo.coverage());
    }

    @Test
    void blankSymbolIsRejectedWithAHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> repo.upsert(" ", List.of()));
        assertEquals("a symbol is required, e.g. QQQ", e.getMessage());
    }
}
