package org.leverdesk.ui.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.Quote;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.MapMarketData;
import org.leverdesk.testing.ScriptedBroker;
import org.leverdesk.ui.TestTaskExecutor;

/** The watchlist: prices from the broker's last trade against the previous daily close, kept symbols, refused tickers. */
class WatchlistViewModelTest {
    // Wednesday 2026-03-04 11:00 New York.
    private static final Instant NOW = Instant.parse("2026-03-04T16:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    @TempDir
    Path dir;

    private final MapMarketData prices = new MapMarketData(Map.of(
            "TQQQ", Bars.flat("TQQQ", new NyseCalendar(), LocalDate.of(2026, 2, 27), 50, 52, 54),   // Feb 27, Mar 2, Mar 3
            "QQQ", Bars.flat("QQQ", new NyseCalendar(), LocalDate.of(2026, 3, 2), 500, 490)), false);

    @Test
    void theBrokersLastTradeIsComparedWithThePreviousSessionsClose() {
        ScriptedBroker broker = new ScriptedBroker(10_000, NOW).quote(new Quote("TQQQ", 54.86, 54.88, 54.87, NOW));
        MarketQuotes quotes = new MarketQuotes(broker, prices, CLOCK);
        WatchQuote q = quotes.quote("TQQQ");
        assertEquals(54.87, q.last());
        assertEquals(54.0, q.previousClose(), "the close of 2026-03-03, the session before the quote's");
        assertEquals(List.of(50.0, 52.0, 54.0), java.util.Arrays.stream(q.recentCloses()).boxed().toList());
        WatchRow row = new WatchRow("TQQQ", q, "");
        assertEquals("$54.87", row.lastText());
        assertEquals("+0.87 (+1.61%)", row.changeText(), "54.87 − 54.00 = 0.87 = 1.61% of 54.00");
        assertEquals("+1.61%", row.changePercentText());
    }

    @Test
    void withoutABrokerQuoteTheLastDailyCloseIsThePrice() {
        WatchQuote q = new MarketQuotes(null, prices, CLOCK).quote("QQQ");
        assertEquals(490.0, q.last());
        assertEquals(500.0, q.previousClose());
        assertEquals("-2.00%", new WatchRow("QQQ", q, "").changePercentText());
        assertEquals("daily closes", q.source());
    }

    @Test
    void symbolsAreAddedRefreshedRemovedAndKeptForTheNextStart() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("config"));
        WatchlistStore store = new WatchlistStore(folder);
        WatchlistViewModel vm = new WatchlistViewModel(new MarketQuotes(null, prices, CLOCK), store, new TestTaskExecutor(),
                ZoneId.of("America/New_York"));
        assertEquals(WatchlistStore.DEFAULTS, vm.symbols());
        vm.refresh();
        WatchRow spy = vm.rows().stream().filter(r -> r.symbol().equals("SPY")).findFirst().orElseThrow();
        assertTrue(spy.note().startsWith("SPY: no price in"), spy.note());
        assertEquals("$490.00", vm.rows().stream().filter(r -> r.symbol().equals("QQQ")).findFirst().orElseThrow().lastText());
        assertTrue(vm.statusProperty().get().startsWith("Market closed · prices of 2026-03-03"), vm.statusProperty().get());

        vm.add("qqq");
        assertEquals("QQQ is already on the watchlist", vm.errorProperty().get());
        vm.add("1x");
        assertEquals("'1x' is not a ticker; type a symbol like QQQ", vm.errorProperty().get());
        vm.remove("SPY");
        vm.add("nvda");
        assertEquals("", vm.errorProperty().get());
        assertEquals(List.of("QQQ", "TQQQ", "SQQQ", "QQQM", "NVDA"), new WatchlistStore(folder).load());
    }
}
