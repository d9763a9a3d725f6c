package org.leverdesk.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;

/** The fixture the contract suite will use starts as BrokerFixture documents and follows its market model. */
class AlpacaBrokerFixtureTest {
    @Test
    void startsFreshOpenAndWithoutQuotes() {
        try (AlpacaBrokerFixture f = new AlpacaBrokerFixture()) {
            Broker b = f.broker();
            assertEquals(0, new BigDecimal("100000").compareTo(b.account().cash()));
            assertEquals(0, new BigDecimal("100000").compareTo(b.account().equity()));
            assertTrue(b.positions().isEmpty());
            assertTrue(b.openOrders().isEmpty());
            assertTrue(b.clock().open());
            assertThrows(BrokerException.class, () -> b.latestQuote("QQQ"));
        }
    }

    @Test
    void sellLimitFillsAtItsLimitOnALaterQuoteAndOpgWaitsForTheSession() {
        try (AlpacaBrokerFixture f = new AlpacaBrokerFixture()) {
            Broker b = f.broker();
            f.setQuote("SQQQ", 10.00, 10.02);
            b.submit(new OrderRequest("f-buy", "SQQQ", Side.BUY, BigDecimal.valueOf(100), OrderType.MARKET, TimeInForce.DAY, null, null));
            f.settle(); // Alpaca fills a market order a moment after answering it
            b.submit(new OrderRequest("f-tp", "SQQQ", Side.SELL, BigDecimal.valueOf(40), OrderType.LIMIT, TimeInForce.GTC,
                    new BigDecimal("10.50"), null));
            f.setQuote("SQQQ", 10.55, 10.57);
            BrokerOrder tp = b.orderByClientOrderId("f-tp").orElseThrow();
            assertEquals(OrderStatus.FILLED, tp.status());
            assertEquals(0, new BigDecimal("10.50").compareTo(tp.filledAveragePrice()));

            f.closeMarket();
            assertFalse(b.clock().open());
            b.submit(new OrderRequest("f-moo", "SQQQ", Side.SELL, BigDecimal.valueOf(60), OrderType.MARKET_ON_OPEN,
                    TimeInForce.OPG, null, null));
            f.setQuote("SQQQ", 9.90, 9.92);
            assertEquals(OrderStatus.ACCEPTED, b.orderByClientOrderId("f-moo").orElseThrow().status());
            f.openSession();
            assertTrue(b.clock().open());
            BrokerOrder moo = b.orderByClientOrderId("f-moo").orElseThrow();
            assertEquals(OrderStatus.FILLED, moo.status());
            assertEquals(0, new BigDecimal("9.90").compareTo(moo.filledAveragePrice()));
            assertTrue(b.positions().isEmpty());
            // 100,000 - 100 x 10.02 + 40 x 10.50 + 60 x 9.90
            assertEquals(0, new BigDecimal("100012").compareTo(b.account().cash()));
        }
    }
}
