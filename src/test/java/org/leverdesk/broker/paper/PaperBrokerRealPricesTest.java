package org.leverdesk.broker.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leverdesk.broker.paper.PaperBrokerRestartTest.money;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.store.Store;
import org.leverdesk.testing.MutableClock;
import org.leverdesk.testing.SharedPrices;

/** The paper broker trading QQQ on the real daily closes of 2024-03-04 (444.019989) and 2024-03-05 (436.049988). */
class PaperBrokerRealPricesTest {
    @TempDir
    Path dir;

    @Test
    void tradesAtTheRealClosesPlusTheHalfSpread() {
        // The store holds Monday's bar at 10:00 on Tuesday; Tuesday's bar arrives after the close.
        org.leverdesk.testing.DataUntil prices = new org.leverdesk.testing.DataUntil(
                new CsvDirectoryMarketData(SharedPrices.dir(), new CsvBarReader(new NyseCalendar())), java.time.LocalDate.of(2024, 3, 4));
        // Tuesday 2024-03-05, 10:00 New York.
        MutableClock clock = new MutableClock(Instant.parse("2024-03-05T15:00:00Z"));
        try (Store store = Store.open(dir)) {
            PaperBroker paper = new PaperBroker(store, prices, clock);
            assertEquals(444.019989, paper.latestQuote("QQQ").last(), 1e-6);
            // Ask = 444.019989 * 1.0001 = 444.0644 (four decimals).
            BrokerOrder buy = paper.submit(new OrderRequest("real-1", "QQQ", Side.BUY, new BigDecimal("10"), OrderType.MARKET,
                    TimeInForce.DAY, null, null));
            money("444.0644", buy.filledAveragePrice());
            money("95559.36", paper.account().cash());
            BrokerOrder limit = paper.submit(new OrderRequest("real-2", "QQQ", Side.BUY, new BigDecimal("10"), OrderType.LIMIT,
                    TimeInForce.GTC, new BigDecimal("436.10"), null));
            assertTrue(limit.isOpen());

            // After the close the day's bar is known: ask 436.049988 * 1.0001 = 436.0936 <= 436.10. The limit was
            // placed after the open, so the day's low cannot be said to have reached it; the close print does.
            prices.setLast(java.time.LocalDate.of(2024, 3, 5));
            clock.set(Instant.parse("2024-03-05T21:01:00Z"));
            BrokerOrder filled = paper.orderByClientOrderId("real-2").orElseThrow();
            assertEquals(OrderStatus.FILLED, filled.status());
            money("436.10", filled.filledAveragePrice());
            money("91198.36", paper.account().cash());
            // 20 shares at last 436.049988 = 8,721.00.
            money("99919.36", paper.account().equity());
        }
    }
}
