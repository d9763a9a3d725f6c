package org.leverdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.MarketDataException;
import org.leverdesk.testing.SharedPrices;

/** CSV imports refuse a split-basis jump against the stored series and replace a whole series on request. */
class StoreDataCatalogSplitTest {
    private static final NyseCalendar CAL = new NyseCalendar();

    @TempDir
    Path tmp;
    private Store store;
    private StoreDataCatalog catalog;
    private BarRepository bars;

    @BeforeEach
    void open() {
        store = Store.open(tmp.resolve("store"));
        catalog = new StoreDataCatalog(store, new CsvBarReader(CAL));
        bars = new BarRepository(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path csv(String folder, String name, List<Bar> rows) throws IOException {
        StringBuilder sb = new StringBuilder("date,open,high,low,close,volume,adj_close\n");
        for (Bar b : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%d,%s%n", b.date(), b.open(), b.high(), b.low(), b.close(),
                    b.volume(), b.adjClose()));
        }
        Path dir = Files.createDirectories(tmp.resolve(folder));
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    /** NVDA's first two sessions after its 10:1 split of 2024-06-10, as Yahoo shows them. */
    private static List<Bar> postSplitRows() {
        return List.of(new Bar(LocalDate.of(2024, 6, 10), 120.37, 123.10, 117.01, 121.79, 314_162_700, 121.75),
                new Bar(LocalDate.of(2024, 6, 11), 121.77, 122.87, 118.74, 120.91, 222_551_200, 120.87));
    }

    /**
     * Pre-split sessions from 2024-03-11 to 2024-06-07 bridging the real file (it ends 2024-03-08 at 875.28) to
     * Yahoo's pre-split close of 2024-06-07, 1208.88: made up (a steady climb), since the file stops earlier.
     */
    private static List<Bar> bridge(double from) {
        List<LocalDate> days = CAL.tradingDays(LocalDate.of(2024, 3, 11), LocalDate.of(2024, 6, 7));
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            double c = i == days.size() - 1 ? 1208.88 : from * Math.pow(1208.88 / from, (i + 1.0) / days.size());
            out.add(new Bar(days.get(i), c, c * 1.01, c * 0.99, c, 40_000_000, c));
        }
        return out;
    }

    @Test
    void theIssuesNvdaCaseIsRefusedWithTheLikelySplitAndHowToReplaceTheSeries() throws IOException {
        Path real = SharedPrices.dir().resolve("NVDA.csv");
        assumeFile(real);
        catalog.importCsv(real, "NVDA", ProgressListener.NONE);
        BarSeries file = bars.load("NVDA");
        assertEquals(LocalDate.of(2024, 3, 8), file.lastDate());
        assertEquals(875.280029, file.close(file.size() - 1), 1e-9);

        // The pre-split file plus two post-split rows (the issue's report): refused, nothing written.
        List<Bar> rightAfter = List.of(new Bar(LocalDate.of(2024, 3, 11), 86.4, 86.9, 83.4, 85.774, 678_000_000, 85.766),
                new Bar(LocalDate.of(2024, 3, 12), 88.0, 91.9, 86.0, 91.913, 655_000_000, 91.905));
        MarketDataException early = assertThrows(MarketDataException.class,
                () -> catalog.importCsv(csv("post", "NVDA.csv", rightAfter), "NVDA", ProgressListener.NONE));
        assertEquals("NVDA 2024-03-11: close 85.77 after 875.28 looks like a 10:1 split the stored series does not have;"
                + " re-import the whole file (leverdesk import NVDA.csv --replace) or run 'leverdesk data update --symbols NVDA"
                + " --full'", early.getMessage());
        assertEquals(file.size(), bars.load("NVDA").size());

        // The issue's numbers: stored up to 2024-06-07 (1208.88), then the first post-split session (121.79).
        catalog.importCsv(csv("bridge", "NVDA-bridge.csv", bridge(875.280029)), "NVDA", ProgressListener.NONE);
        MarketDataException e = assertThrows(MarketDataException.class,
                () -> catalog.importCsv(csv("june", "NVDA.csv", postSplitRows()), "NVDA", ProgressListener.NONE));
        assertEquals("NVDA 2024-06-10: close 121.79 after 1208.88 looks like a 10:1 split the stored series does not have;"
                + " re-import the whole file (leverdesk import NVDA.csv --replace) or run 'leverdesk data update --symbols NVDA"
                + " --full'", e.getMessage());
        assertEquals(LocalDate.of(2024, 6, 7), bars.load("NVDA").lastDate(), "nothing of the refused file was stored");

        // The offered fix: the whole history on today's basis (the file / 10, then the post-split rows) replaces it.
        List<Bar> whole = new ArrayList<>();
        for (Bar b : bars.load("NVDA").bars()) {
            whole.add(new Bar(b.date(), b.open() / 10, b.high() / 10, b.low() / 10, b.close() / 10, b.volume() * 10, b.adjClose() / 10));
        }
        whole.addAll(postSplitRows());
        catalog.importCsv(csv("whole", "NVDA.csv", whole), "NVDA", true, ProgressListener.NONE);
        BarSeries now = bars.load("NVDA");
        assertEquals(whole.size(), now.size());
        assertEquals(121.79, now.close(now.size() - 2));
        double worst = 0;
        for (int i = 1; i < now.size(); i++) {
            worst = Math.min(worst, now.close(i) / now.close(i - 1) - 1);
        }
        assertTrue(worst > -0.5, "no fake -90% day in the stored series: worst day " + worst);
    }

    @Test
    void aSplitJumpAgainstTheStoreIsRefusedAndReplaceTakesTheWholeFile() throws IOException {
        List<LocalDate> days = CAL.tradingDays(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 3, 28));
        List<Bar> before = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            double c = 100 + (i % 3);
            before.add(new Bar(days.get(i), c, c + 1, c - 1, c, 1000, c));
        }
        catalog.importCsv(csv("a", "ABC.csv", before), "ABC", ProgressListener.NONE);
        List<Bar> after = List.of(new Bar(LocalDate.of(2024, 4, 1), 34, 34.5, 33.5, 34, 3000, 34));
        MarketDataException e = assertThrows(MarketDataException.class,
                () -> catalog.importCsv(csv("b", "abc-april.csv", after), "ABC", ProgressListener.NONE));
        assertEquals("ABC 2024-04-01: close 34 after " + org.leverdesk.market.data.Prices.format(before.get(before.size() - 1).close())
                + " looks like a 3:1 split the stored series does not have; re-import the whole file (leverdesk import"
                + " abc-april.csv --symbol ABC --replace) or run 'leverdesk data update --symbols ABC --full'", e.getMessage());
        catalog.importCsv(csv("b", "abc-april.csv", after), "ABC", true, ProgressListener.NONE);
        assertEquals(1, bars.load("ABC").size());
        assertEquals("csv", catalog.coverage().get(0).source());
    }

    private static void assumeFile(Path p) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(p), p + " not found; skipping the real-data test");
    }
}
