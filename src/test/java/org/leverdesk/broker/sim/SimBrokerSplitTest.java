package org.leverdesk.broker.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.market.data.Split;

/** A split on the simulated account, numbers checked by hand in the comments. */
class SimBrokerSplitTest {
    private static final Instant START = SimBrokerContractTest.START;
    private static final LocalDate EX = LocalDate.of(2026, 3, 5);

    private static OrderRequest order(String id, Side side, long qty, OrderType type, String limit, String stop) {
        return new OrderRequest(id, "XYZ", side, BigDecimal.valueOf(qty), type, TimeInForce.GTC,
                limit == null ? null : new BigDecimal(limit), stop == null ? null : new BigDecimal(stop));
    }

    @Test
    void aTwoForOneSplitDoublesSharesHalvesTheCostAndMovesOpenOrdersOntoTheNewBasis() {
        SimBroker sim = new SimBroker(START);
        sim.setQuote("XYZ", 100.00, 100.00, START);
        sim.submit(order("buy", Side.BUY, 15, OrderType.MARKET, null, null));
        // 15 x 100.00 = 1,500.00 paid: cash 98,500.00.
        sim.submit(order("take-profit", Side.SELL, 10, OrderType.LIMIT, "120.01", null));
        sim.submit(order("stop", Side.SELL, 5, OrderType.STOP, null, "90.00"));
        sim.submit(order("dip", Side.BUY, 3, OrderType.LIMIT, "95.00", null));

        SimSplit done = sim.applySplit(Split.parse("XYZ", EX, "2:1", "manual"));

        BrokerPosition p = sim.positions().get(0);
        assertEquals(0, new BigDecimal("30").compareTo(p.quantity()), "15 x 2");
        assertEquals(0, new BigDecimal("50.00").compareTo(p.averageEntryPrice()), "100.00 / 2");
        assertEquals(50.00, sim.latestQuote("XYZ").last(), 1e-9, "the last price on the new basis");
        assertEquals(new BigDecimal("98500.00"), sim.account().cash(), "no cash moves");
        assertEquals(new BigDecimal("100000.00"), sim.account().equity(), "30 x 50.00 + 98,500.00");
        assertEquals(List.of("take-profit 20 limit 60.00 stop null", "stop 10 limit null stop 45.00", "dip 6 limit 47.50 stop null"),
                sim.openOrders().stream().map(SimBrokerSplitTest::describe).toList(), "120.01 / 2 = 60.005, half-even to the cent: 60.00; 90.00 / 2; 95.00 / 2");
        assertEquals(new SimSplit("XYZ", EX, "2:1", new BigDecimal("15"), new BigDecimal("30"), new BigDecimal("0.00"), 3, START), done);
    }

    @Test
    void aOneForTenReverseSplitPaysTheFractionAsCashInLieuAndCancelsAnOrderLeftWithoutAShare() {
        SimBroker sim = new SimBroker(START);
        sim.setQuote("XYZ", 2.00, 2.00, START);
        sim.submit(order("buy", Side.BUY, 15, OrderType.MARKET, null, null));
        // 15 x 2.00 = 30.00 paid: cash 99,970.00.
        sim.submit(order("dip", Side.BUY, 25, OrderType.LIMIT, "1.50", null));
        sim.submit(order("small-sell", Side.SELL, 5, OrderType.LIMIT, "3.00", null));

        SimSplit done = sim.applySplit(Split.parse("XYZ", EX, "1:10", "manual"));

        // 15 / 10 = 1.5 shares: 1 share kept at 2.00 x 10 = 20.00, the half share sold at the last price on the new
        // basis, 2.00 x 10 = 20.00: 0.5 x 20.00 = 10.00 cash in lieu, cash 99,980.00.
        BrokerPosition p = sim.positions().get(0);
        assertEquals(0, BigDecimal.ONE.compareTo(p.quantity()));
        assertEquals(0, new BigDecimal("20.00").compareTo(p.averageEntryPrice()));
        assertEquals(new BigDecimal("99980.00"), sim.account().cash());
        assertEquals(new BigDecimal("100000.00"), sim.account().equity(), "1 x 20.00 + 99,980.00: nothing lost");
        assertEquals(new SimSplit("XYZ", EX, "1:10", new BigDecimal("15"), BigDecimal.ONE, new BigDecimal("10.00"), 2, START), done);
        SimChanges changes = sim.drainChanges();
        SimFill inLieu = changes.fills().get(changes.fills().size() - 1);
        assertEquals("split-XYZ-2026-03-05", inLieu.fillId());
        assertEquals(Side.SELL, inLieu.side());
        assertEquals(0, new BigDecimal("0.5").compareTo(inLieu.quantity()));
        assertEquals(0, new BigDecimal("20.00").compareTo(inLieu.price()));
        assertEquals(List.of(done), changes.splits());
        // 25 / 10 = 2.5 -> 2 shares at 1.50 x 10 = 15.00; 5 / 10 = 0.5 -> no whole share: cancelled with the reason.
        assertEquals(List.of("dip 2 limit 15.00 stop null"), sim.openOrders().stream().map(SimBrokerSplitTest::describe).toList());
        BrokerOrder cancelled = sim.orderByClientOrderId("small-sell").orElseThrow();
        assertEquals(OrderStatus.CANCELED, cancelled.status());
        assertTrue(cancelled.rejectReason().contains("1:10 reverse split"), cancelled.rejectReason());
    }

    @Test
    void aSplitOfASymbolWithoutPositionOrOrdersOnlyMovesItsQuote() {
        SimBroker sim = new SimBroker(START);
        sim.setQuote("XYZ", 10.00, 10.00, START);
        SimSplit done = sim.applySplit(Split.parse("XYZ", EX, "4:1", "alpaca"));
        assertEquals(2.50, sim.latestQuote("XYZ").last(), 1e-9);
        assertEquals(0, done.quantityBefore().signum());
        assertTrue(done.describe().contains("no shares held"), done.describe());
    }

    @Test
    void aBadRatioIsOneLineSayingTheFormExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Split.parse("XYZ", EX, "2-1", "manual"));
        assertEquals("the split ratio '2-1' is not new:old shares, e.g. 2:1 (forward) or 1:10 (reverse)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Split.parse("XYZ", EX, "1:1", "manual"));
        assertThrows(IllegalArgumentException.class, () -> Split.parse("XYZ", EX, "0:1", "manual"));
    }

    private static String describe(BrokerOrder o) {
        return o.clientOrderId() + " " + o.quantity().stripTrailingZeros().toPlainString() + " limit "
                + (o.limitPrice() == null ? "null" : o.limitPrice().toPlainString()) + " stop "
                + (o.stopPrice() == null ? "null" : o.stopPrice().toPlainString());
    }
}
