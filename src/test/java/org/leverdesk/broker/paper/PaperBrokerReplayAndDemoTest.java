package org.leverdesk.broker.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leverdesk.broker.paper.PaperBrokerRestartTest.money;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.Quote;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.store.Store;
import org.leverdesk.testing.Bars;
import org.leverdesk.testing.MapMarketData;
import org.leverdesk.testing.MutableClock;

/**
 * A replayed day quotes its own bar during its session (as the backtest decides and fills on it); the
 * paper account on the simulated demo market is its own account.
 */
class PaperBrokerReplayAndDemoTest {
    @TempDir
    Path dir;

    private static final NyseCalendar NYSE = new NyseCalendar();
    // Mon 2026-03-02 100.00, Tue 101.00, Wed 99.00 (open 100.00 for every flat bar but Wednesday's own).
    private static final MarketData BARS = new MapMarketData(
            Map.of("QQQ", Bars.flat("QQQ", NYSE, LocalDate.of(2026, 3, 2), 100.00, 101.00, 99.00)), false);
    // Wednesday 2026-03-04, 15:50 New York: a replay of Wednesday decides now.
    private static final Instant WEDNESDAY_1550 = Instant.parse("2026-03-04T20:50:00Z");

    @Test
    void aReplayQuotesTheReplayedDaysBarStampedWithTheReplayedTime() {
        try (Store store = Store.open(dir)) {
            Quote q = new PaperBroker(store, BARS, java.time.Clock.fixed(WEDNESDAY_1550, java.time.ZoneOffset.UTC))
                    .latestQuote("QQQ");
            assertEquals(99.00, q.last(), 1e-9);
            assertEquals(WEDNESDAY_1550, q.at(), "as fresh as the replayed 15:50, not 23 hours old");
        }
    }

    @Test
    void beforeTheReplayedDaysOpenTheQuoteIsThePreviousClose() {
        try (Store store = Store.open(dir)) {
            Quote q = new PaperBroker(store, BARS, new MutableClock(Instant.parse("2026-03-04T13:00:00Z"))).latestQuote("QQQ");
            assertEquals(101.00, q.last(), 1e-9);
            assertEquals(Instant.parse("2026-03-03T21:00:00Z"), q.at());
        }
    }

    @Test
    void theDemoMarketsPaperAccountIsItsOwnAccount() {
        MarketData demo = new MapMarketData(Map.of("QQQ", Bars.flat("QQQ", NYSE, LocalDate.of(2026, 3, 2), 20, 21, 22)), true);
        Instant thursday = Instant.parse("2026-03-05T15:00:00Z");
        try (Store store = Store.open(dir)) {
            PaperBroker onDemo = PaperBroker.onDemoMarket(store, demo, new MutableClock(thursday));
            onDemo.submit(new OrderRequest("d-1", "QQQ", Side.BUY, BigDecimal.valueOf(100), OrderType.MARKET, TimeInForce.DAY,
                    null, null));
            assertEquals("paper-demo", onDemo.name());
            assertEquals(1, onDemo.positions().size());

            PaperBroker real = new PaperBroker(store, BARS, new MutableClock(thursday));
            assertEquals("paper", real.name());
            assertTrue(real.positions().isEmpty(), "simulated fills never reach the account on real prices");
            money("100000.00", real.account().cash());
            assertTrue(real.orderByClientOrderId("d-1").isEmpty());
        }
        try (Store store = Store.open(dir)) {
            // Both survive a restart, each in its own tables.
            assertEquals(1, PaperBroker.onDemoMarket(store, demo, new MutableClock(thursday)).positions().size());
            assertTrue(new PaperBroker(store, BARS, new MutableClock(thursday)).positions().isEmpty());
        }
    }
}
