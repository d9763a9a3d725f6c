package org.leverdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.data.MarketDataException;

class StoreMarketDataTest {
    @TempDir
    Path dir;

    private static Bar bar(int day, double close) {
        return new Bar(LocalDate.of(2024, 3, day), close, close + 1, close - 1, close, 100, close);
    }

    @Test
    void servesStoredBarsInRange() {
        try (Store store = Store.open(dir)) {
            new BarRepository(store).upsert("QQQ", List.of(bar(1, 10), bar(4, 11), bar(5, 12)));
            StoreMarketData md = new StoreMarketData(store);
            assertEquals("Store " + dir, md.sourceLabel());
            assertFalse(md.isSimulated());
            assertEquals(Set.of("QQQ"), md.symbols());
            BarSeries s = md.bars("QQQ", LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 5));
            assertEquals(List.of(bar(4, 11), bar(5, 12)), s.bars());
            // A known symbol with no bars in the range is an empty answer, not an error.
            assertEquals(0, md.bars("QQQ", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1)).size());
        }
    }

    @Test
    void unknownSymbolNamesTheHeldSymbolsAndHowToImport() {
        try (Store store = Store.open(dir)) {
            new BarRepository(store).upsert("TQQQ", List.of(bar(1, 10)));
            new BarRepository(store).upsert("QQQ", List.of(bar(1, 10)));
            MarketDataException e = assertThrows(MarketDataException.class,
                    () -> new StoreMarketData(store).bars("SQQQ", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
            assertEquals("no prices for SQQQ in the Leverdesk store at " + dir
                    + " (it holds QQQ, TQQQ); import a CSV in the Data view or pass --prices", e.getMessage());
        }
    }

    @Test
    void emptyStoreSaysSo() {
        try (Store store = Store.open(dir)) {
            MarketDataException e = assertThrows(MarketDataException.class,
                    () -> new StoreMarketData(store).bars("QQQ", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
            assertEquals("no prices for QQQ in the Leverdesk store at " + dir
                    + " (it holds no prices yet); import a CSV in the Data view or pass --prices", e.getMessage());
        }
    }

    @Test
    void closedStoreBecomesAMarketDataException() {
        Store store = Store.open(dir);
        StoreMarketData md = new StoreMarketData(store);
        store.close();
        MarketDataException e = assertThrows(MarketDataException.class, md::symbols);
        assertEquals("the Leverdesk store at " + dir + " is closed", e.getMessage());
    }
}
