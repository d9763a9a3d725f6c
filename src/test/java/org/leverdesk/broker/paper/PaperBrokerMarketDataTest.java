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
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.Quote;
import org.leverdesk.domain.OrderStatus;
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
 * Prices from daily bars: last = the latest closed bar's close, bid/ask = close -/+ the half-spread; during a
 * session a bar dated that day (the feed's provisional bar) is the price known then; never a later bar.
 */
class PaperBrokerMarketDataTest {
    @TempDir
    Path dir;

    private static final NyseCalendar NYSE = new NyseCalendar();
    // Mon 2026-03-02 100.00, Tue 101.00, Wed 100.00; at 10:00 on Wednesday the store holds Monday and Tuesday.
    private final org.leverdesk.testing.DataUntil BARS = new org.leverdesk.testing.DataUntil(new MapMarketData(
            Map.of("QQQ", Bars.flat("QQQ", NYSE, LocalDate.of(2026, 3, 2), 100.00, 101.00, 100.00)), false),
            LocalDate.of(2026, 3, 3));
    // Wednesday 2026-03-04, 10:00 New York.
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T15:00:00Z"));

    @Test
    void theQuoteIsTheLatestClosedBarWithTheHalfSpreadStampedAtItsClose() {
        try (Store store = Store.open(dir)) {
            PaperBroker paper = new PaperBroker(store, BARS, clock);
            Quote q = paper.latestQuote("QQQ");
            // Wednesday's bar is not closed at 10:00, so Tuesday's close is the last price.
            assertEquals(101.00, q.last(), 1e-9);
            assertEquals(100.9899, q.bid(), 1e-9);
            assertEquals(101.0101, q.ask(), 1e-9);
            assertEquals(Instant.parse("2026-03-03T21:00:00Z"), q.at());
        }
    }

    @Test
    void duringTheSessionTodaysProvisionalBarIsTheLatestPrice() {
        try (Store store = Store.open(dir)) {
            PaperBroker paper = new PaperBroker(store, BARS, clock);
            BARS.setLast(LocalDate.of(2026, 3, 4));
            Quote q = paper.latestQuote("QQQ");
            assertEquals(100.00, q.last(), 1e-9);
            assertEquals(Instant.parse("2026-03-04T15:00:00Z"), q.at(), "the price known now");
        }
    }

    @Test
    void theHalfSpreadIsConfigurable() {
        try (Store store = Store.open(dir)) {
            PaperBroker paper = new PaperBroker(store, BARS, clock, NYSE,
                    new PaperSettings(new BigDecimal("100000"), 0.001, org.leverdesk.broker.sim.CommissionModel.FREE));
            assertEquals(100.899, paper.latestQuote("QQQ").bid(), 1e-9);
        }
    }

    @Test
    void aRestingDayLimitFillsWhenTheDaysBarClosesThroughIt() {
        try (Store store = Store.open(dir)) {
            PaperBroker paper = new PaperBroker(store, BARS, clock);
            BrokerOrder buy = paper.submit(new OrderRequest("md-1", "QQQ", Side.BUY, new BigDecimal("10"), OrderType.MARKET,
                    TimeInForce.DAY, null, null));
            money("101.0101", buy.filledAveragePrice());
            // 10 * 101.0101 = 1,010.101, rounded to cents.
            money("98989.90", paper.account().cash());
            BrokerOrder limit = paper.submit(new OrderRequest("md-2", "QQQ", Side.BUY, new BigDecimal("5"), OrderType.LIMIT,
                    TimeInForce.DAY, new BigDecimal("100.50"), null));
            assertTrue(limit.isOpen(), "ask 101.0101 is above the limit");

            // 16:01: Wednesday's bar (close 100.00, ask 100.01) is in; the limit fills before the day ends.
            BARS.setLast(LocalDate.of(2026, 3, 4));
            clock.set(Instant.parse("2026-03-04T21:01:00Z"));
            BrokerOrder filled = paper.orderByClientOrderId("md-2").orElseThrow();
            assertEquals(OrderStatus.FILLED, filled.status());
            money("100.50", filled.filledAveragePrice());
            money("98487.40", paper.account().cash());
            // 15 shares at last 100.00.
            money("99987.40", paper.account().equity());
            // (1,010.101 + 502.50) / 15
            money("100.840067", paper.positions().get(0).averageEntryPrice());
            assertTrue(!paper.clock().open());
        }
    }
}
