package org.leverdesk.broker.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.Quote;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;

/** The fill rules one by one, with quote 49.99 / 50.01 and last 50.00. */
class OrderMatcherTest {
    private static final Quote Q = new Quote("QQQ", 49.99, 50.01, 50.00, Instant.EPOCH);
    private static final OrderMatcher.Phase DAY = OrderMatcher.Phase.CONTINUOUS;

    @Test
    void marketBuysPayTheAskAndSellsGetTheBid() {
        assertPrice("50.01", order(Side.BUY, OrderType.MARKET, TimeInForce.DAY, null, null), false, DAY);
        assertPrice("49.99", order(Side.SELL, OrderType.MARKET, TimeInForce.DAY, null, null), false, DAY);
    }

    @Test
    void limitsFillAtTheLimitOnlyWhenMarketable() {
        assertPrice("50.01", order(Side.BUY, OrderType.LIMIT, TimeInForce.DAY, "50.01", null), false, DAY);
        assertPrice(null, order(Side.BUY, OrderType.LIMIT, TimeInForce.DAY, "50.00", null), false, DAY);
        assertPrice("49.99", order(Side.SELL, OrderType.LIMIT, TimeInForce.DAY, "49.99", null), false, DAY);
        assertPrice(null, order(Side.SELL, OrderType.LIMIT, TimeInForce.DAY, "50.00", null), false, DAY);
    }

    @Test
    void stopsTriggerOnTheLastPrice() {
        BrokerOrder sellStop = order(Side.SELL, OrderType.STOP, TimeInForce.GTC, null, "50.00");
        assertTrue(OrderMatcher.triggered(sellStop, false, Q), "last 50.00 is at the stop");
        BrokerOrder lowerStop = order(Side.SELL, OrderType.STOP, TimeInForce.GTC, null, "49.99");
        assertFalse(OrderMatcher.triggered(lowerStop, false, Q));
        assertPrice(null, lowerStop, false, DAY);
        assertPrice("49.99", lowerStop, true, DAY);
        BrokerOrder buyStop = order(Side.BUY, OrderType.STOP, TimeInForce.GTC, null, "50.00");
        assertTrue(OrderMatcher.triggered(buyStop, false, Q));
        BrokerOrder stopLimit = order(Side.BUY, OrderType.STOP_LIMIT, TimeInForce.GTC, "50.00", "49.00");
        assertPrice(null, stopLimit, true, DAY);
    }

    @Test
    void auctionOrdersFillOnlyInTheirAuction() {
        BrokerOrder moo = order(Side.BUY, OrderType.MARKET_ON_OPEN, TimeInForce.OPG, null, null);
        assertPrice(null, moo, false, DAY);
        assertPrice("50.01", moo, false, OrderMatcher.Phase.OPENING);
        assertPrice(null, moo, false, OrderMatcher.Phase.CLOSING);
        BrokerOrder moc = order(Side.SELL, OrderType.MARKET_ON_CLOSE, TimeInForce.CLS, null, null);
        assertPrice(null, moc, false, OrderMatcher.Phase.OPENING);
        assertPrice("49.99", moc, false, OrderMatcher.Phase.CLOSING);
        // A plain limit does not trade in the closing auction (it had its chance during the day).
        assertPrice(null, order(Side.BUY, OrderType.LIMIT, TimeInForce.DAY, "60.00", null), false, OrderMatcher.Phase.CLOSING);
    }

    @Test
    void buysReserveTheirLimitOrTheHigherOfAskAndStop() {
        assertEquals(0, new BigDecimal("45.00").compareTo(
                OrderMatcher.reservePrice(order(Side.BUY, OrderType.LIMIT, TimeInForce.DAY, "45.00", null), Q)));
        assertEquals(0, new BigDecimal("50.01").compareTo(
                OrderMatcher.reservePrice(order(Side.BUY, OrderType.MARKET, TimeInForce.DAY, null, null), Q)));
        assertEquals(0, new BigDecimal("52.00").compareTo(
                OrderMatcher.reservePrice(order(Side.BUY, OrderType.STOP, TimeInForce.DAY, null, "52.00"), Q)));
    }

    private static void assertPrice(String expected, BrokerOrder o, boolean triggered, OrderMatcher.Phase phase) {
        Optional<BigDecimal> p = OrderMatcher.fillPrice(o, triggered, Q, phase);
        if (expected == null) {
            assertTrue(p.isEmpty(), "expected no fill but got " + p);
        } else {
            assertEquals(0, new BigDecimal(expected).compareTo(p.orElseThrow()), "got " + p);
        }
    }

    private static BrokerOrder order(Side side, OrderType type, TimeInForce tif, String limit, String stop) {
        return new BrokerOrder("b", "c", "QQQ", side, BigDecimal.TEN, BigDecimal.ZERO, null, type, tif,
                limit == null ? null : new BigDecimal(limit), stop == null ? null : new BigDecimal(stop), OrderStatus.ACCEPTED,
                Instant.EPOCH, Instant.EPOCH, null);
    }
}
