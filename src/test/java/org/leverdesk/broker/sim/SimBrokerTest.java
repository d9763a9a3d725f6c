package org.leverdesk.broker.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.CloseOutcome;
import org.leverdesk.broker.OrderRejectedException;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.market.calendar.NyseCalendar;

/** SimBroker rules beyond the shared contract: auctions, time in force, commissions, cash protection, restore. */
class SimBrokerTest {
    private static final Instant START = SimBrokerContractTest.START;
    /** 19:01 New York on START's day: Alpaca takes OPG orders for the next open again. */
    private static final Instant EVENING = Instant.parse("2026-03-05T00:01:00Z");

    @Test
    void marketOnOpenIsRefusedWhileTheMarketIsOpen() {
        SimBroker sim = new SimBroker(START);
        sim.setQuote("QQQ", 49.99, 50.01, START);
        OrderRejectedException e = assertThrows(OrderRejectedException.class, () -> sim.submit(
                order("m-1", Side.BUY, 10, OrderType.MARKET_ON_OPEN, TimeInForce.OPG, null)));
        assertEquals("order m-1: market-on-open orders are taken only while the market is closed; send a market order instead",
                e.getMessage());
        assertTrue(sim.orderByClientOrderId("m-1").isEmpty());
    }

    @Test
    void aMarketOrderSentWhileClosedWaitsForTheOpen() {
        SimBroker sim = new SimBroker(START);
        sim.setQuote("QQQ", 49.99, 50.01, START);
        sim.closeMarket();
        BrokerOrder o = sim.submit(order("q-1", Side.BUY, 10, OrderType.MARKET, TimeInForce.DAY, null));
        assertTrue(o.isOpen());
        sim.openSession();
        assertEquals(OrderStatus.FILLED, sim.orderByClientOrderId("q-1").orElseThrow().status());
    }

    @Test
    void marketOnCloseFillsAtTheClosingQuoteAndDayOrdersExpire() {
        SimBroker sim = new SimBroker(START);
        sim.setQuote("QQQ", 49.99, 50.01, START);
        sim.submit(order("c-1", Side.BUY, 10, OrderType.MARKET_ON_CLOSE, TimeInForce.CLS, null));
        sim.submit(order("c-2", Side.BUY, 10, OrderType.LIMIT, TimeInForce.DAY, "40.00"));
        sim.setQuote("QQQ", 50.99, 51.01, START);
        assertEquals(2, sim.openOrders().size(), "a closing order waits for the close");
        sim.closeMarket();
        BrokerOrder moc = sim.orderByClientOrderId("c-1").orElseThrow();
        assertEquals(OrderStatus.FILLED, moc.status());
        assertEquals(0, new BigDecimal("51.01").compareTo(moc.filledAveragePrice()));
        assertEquals(OrderStatus.EXPIRED, sim.orderByClientOrderId("c-2").orElseThrow().status());
        // The close sets the reference for the day's profit: 99,489.90 cash + 10 * 51.00.
        assertEquals(0, new BigDecimal("99999.90").compareTo(sim.account().lastEquity()));
    }

    @Test
    void immediateOrCancelThatCannotFillIsCancelledAtOnce() {
        SimBroker sim = new SimBroker(START);
        sim.setQuote("QQQ", 49.99, 50.01, START);
        BrokerOrder o = sim.submit(order("i-1", Side.BUY, 10, OrderType.LIMIT, TimeInForce.IOC, "49.00"));
        assertEquals(OrderStatus.CANCELED, o.status());
        assertTrue(sim.openOrders().isEmpty());
    }

    @Test
    void commissionIsChargedPerOrderAndPerShare() {
        SimBroker sim = new SimBroker("sim", new BigDecimal("10000"), new CommissionModel(new BigDecimal("1.00"),
                new BigDecimal("0.005")), new NyseCalendar(), START, true);
        sim.setQuote("QQQ", 49.99, 50.01, START);
        sim.submit(order("f-1", Side.BUY, 100, OrderType.MARKET, TimeInForce.DAY, null));
        // 10,000 - 5,001.00 - (1.00 + 100 * 0.005)
        assertEquals(0, new BigDecimal("4997.50").compareTo(sim.account().cash()));
    }

    @Test
    void aBuyWhosePriceJumpedBeyondTheCashIsRejectedAtTheFillInsteadOfBorrowing() {
        SimBroker sim = new SimBroker("sim", new BigDecimal("1000"), CommissionModel.FREE, new NyseCalendar(), START, true);
        sim.setQuote("QQQ", 49.99, 50.01, START);
        sim.closeMarket();
        sim.setTime(EVENING);
        sim.submit(order("j-1", Side.BUY, 19, OrderType.MARKET_ON_OPEN, TimeInForce.OPG, null));
        sim.setQuote("QQQ", 59.99, 60.01, START);
        sim.openSession();
        BrokerOrder o = sim.orderByClientOrderId("j-1").orElseThrow();
        assertEquals(OrderStatus.REJECTED, o.status());
        assertEquals("not enough cash at the fill: $1,140.19 needed, $1,000.00 held", o.rejectReason());
        assertEquals(0, new BigDecimal("1000").compareTo(sim.account().cash()));
    }

    @Test
    void auctionOrdersOutsideAlpacasWindowsAreRefusedWithTheReason() {
        SimBroker sim = new SimBroker(START);
        sim.setQuote("QQQ", 49.99, 50.01, START);
        sim.submit(order("h-1", Side.BUY, 10, OrderType.MARKET, TimeInForce.DAY, null));
        // 15:49:59 New York: a CLS order is still taken; from 15:50 it is refused.
        sim.setTime(Instant.parse("2026-03-04T20:49:59Z"));
        assertTrue(sim.submit(order("c-1", Side.SELL, 5, OrderType.MARKET_ON_CLOSE, TimeInForce.CLS, null)).isOpen());
        sim.setTime(Instant.parse("2026-03-04T20:50:00Z"));
        OrderRejectedException cls = assertThrows(OrderRejectedException.class,
                () -> sim.submit(order("c-2", Side.SELL, 5, OrderType.MARKET_ON_CLOSE, TimeInForce.CLS, null)));
        assertTrue(cls.getMessage().contains("refused from 15:50"), cls.getMessage());
        sim.setTime(Instant.parse("2026-03-04T21:00:00Z"));
        sim.closeMarket();
        // 16:15 New York (rotation's decision): OPG is refused until 19:00.
        sim.setTime(Instant.parse("2026-03-04T21:15:00Z"));
        OrderRejectedException opg = assertThrows(OrderRejectedException.class,
                () -> sim.submit(order("o-1", Side.SELL, 5, OrderType.MARKET_ON_OPEN, TimeInForce.OPG, null)));
        assertEquals("order o-1: market-on-open (OPG) orders are refused from 09:28 to 19:00 ET (Alpaca's rule); send it"
                + " before 09:28 or from 19:00 ET", opg.getMessage());
        sim.setTime(EVENING);
        assertTrue(sim.submit(order("o-2", Side.SELL, 5, OrderType.MARKET_ON_OPEN, TimeInForce.OPG, null)).isOpen());
        // 09:27 the next morning it is still taken.
        sim.setTime(Instant.parse("2026-03-05T14:27:00Z"));
        assertThrows(OrderRejectedException.class, () -> sim.submit(order("o-3", Side.SELL, 1, OrderType.MARKET_ON_OPEN,
                TimeInForce.OPG, null)), "5 of 5 shares are already promised to o-2");
        sim.cancel(sim.orderByClientOrderId("o-2").orElseThrow().brokerOrderId());
        assertTrue(sim.submit(order("o-4", Side.SELL, 5, OrderType.MARKET_ON_OPEN, TimeInForce.OPG, null)).isOpen());
    }

    @Test
    void closeAllAfterTheCloseQueuesMarketOrdersUntilTheOpgWindowOpens() {
        SimBroker sim = new SimBroker(START);
        sim.setQuote("QQQ", 49.99, 50.01, START);
        sim.submit(order("a-1", Side.BUY, 10, OrderType.MARKET, TimeInForce.DAY, null));
        sim.setTime(Instant.parse("2026-03-04T21:00:00Z"));
        sim.closeMarket();
        sim.setTime(Instant.parse("2026-03-04T21:30:00Z"));
        List<CloseOutcome> out = sim.closeAllPositions();
        assertEquals("closing MARKET order waits for a quote", out.get(0).detail());
        sim.setTime(Instant.parse("2026-03-05T14:30:00Z"));
        sim.openSession();
        assertTrue(sim.positions().isEmpty(), "the queued market order filled at the open");
    }

    @Test
    void closeAllWhileClosedSendsOpeningOrders() {
        SimBroker sim = new SimBroker(START);
        sim.setQuote("QQQ", 49.99, 50.01, START);
        sim.submit(order("a-1", Side.BUY, 10, OrderType.MARKET, TimeInForce.DAY, null));
        sim.closeMarket();
        sim.setTime(EVENING);
        List<CloseOutcome> out = sim.closeAllPositions();
        assertEquals(1, out.size());
        assertTrue(out.get(0).closed());
        assertEquals("closing MARKET_ON_OPEN order waits for the open", out.get(0).detail());
        sim.openSession();
        assertTrue(sim.positions().isEmpty());
    }

    @Test
    void aBrokerRebuiltFromItsStateCarriesOn() {
        SimBroker sim = new SimBroker(START);
        sim.setQuote("QQQ", 49.99, 50.01, START);
        sim.submit(order("s-1", Side.BUY, 100, OrderType.MARKET, TimeInForce.DAY, null));
        sim.submit(order("s-2", Side.BUY, 10, OrderType.LIMIT, TimeInForce.GTC, "45.00"));
        SimBroker copy = new SimBroker("sim", CommissionModel.FREE, new NyseCalendar(), sim.state());
        assertEquals(sim.account(), copy.account());
        assertEquals(sim.positions(), copy.positions());
        assertEquals(sim.openOrders(), copy.openOrders());
        BrokerOrder next = copy.submit(order("s-3", Side.SELL, 1, OrderType.MARKET, TimeInForce.DAY, null));
        assertEquals("sim-3", next.brokerOrderId());
    }

    @Test
    void drainChangesReportsEachChangeOnce() {
        SimBroker sim = new SimBroker(START);
        sim.setQuote("QQQ", 49.99, 50.01, START);
        sim.submit(order("d-1", Side.BUY, 100, OrderType.MARKET, TimeInForce.DAY, null));
        SimChanges first = sim.drainChanges();
        assertEquals(1, first.orders().size());
        assertEquals(1, first.fills().size());
        assertEquals(1, first.holdings().size());
        assertEquals(1, first.quotes().size());
        assertTrue(sim.drainChanges().isEmpty());
        sim.submit(order("d-2", Side.SELL, 100, OrderType.MARKET, TimeInForce.DAY, null));
        assertEquals(List.of("QQQ"), sim.drainChanges().closedSymbols());
    }

    @Test
    void garbageQuotesAreRefused() {
        SimBroker sim = new SimBroker(START);
        assertThrows(IllegalArgumentException.class, () -> sim.setQuote("QQQ", 0, 50.01, START));
        assertThrows(IllegalArgumentException.class, () -> sim.setQuote("QQQ", 50.02, 50.01, START));
        assertThrows(IllegalArgumentException.class, () -> sim.setQuote("QQQ", Double.NaN, 50.01, START));
    }

    private static OrderRequest order(String id, Side side, int qty, OrderType type, TimeInForce tif, String limit) {
        return new OrderRequest(id, "QQQ", side, BigDecimal.valueOf(qty), type, tif, limit == null ? null : new BigDecimal(limit), null);
    }
}
