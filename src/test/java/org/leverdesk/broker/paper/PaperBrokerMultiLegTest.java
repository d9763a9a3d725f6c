package org.leverdesk.broker.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.BrokerUnavailableException;
import org.leverdesk.broker.DuplicateClientOrderIdException;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.OrderRejectedException;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;

/**
 * Multi-leg option orders on the paper account, hand-checked like {@code SimBrokerMultiLegTest}: both legs or none
 * at the bid (sale) and ask (purchase), the spread's width held in cash, every leg written in the same transaction
 * (a failed write leaves no leg), and after a restart the legs are found by their client order ids and a second
 * send is refused as a duplicate, never doubled.
 */
class PaperBrokerMultiLegTest {
    private static final LocalDate EXPIRY = LocalDate.of(2026, 3, 20);
    private static final String PUT_480 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "480").occSymbol();
    private static final String PUT_475 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "475").occSymbol();
    private final PaperFixture fixture = new PaperFixture();

    @AfterEach
    void cleanUp() {
        fixture.close();
    }

    private void quotes() {
        fixture.setQuote("QQQ", 489.99, 490.01);
        fixture.setQuote(PUT_480, 2.00, 2.10);
        fixture.setQuote(PUT_475, 1.20, 1.30);
    }

    private static MultiLegOrderRequest bullPut(String id, long n) {
        return new MultiLegOrderRequest(id, List.of(leg(id + "-s", PUT_480, Side.SELL, n), leg(id + "-l", PUT_475, Side.BUY, n)),
                OrderType.MARKET, TimeInForce.DAY, null);
    }

    private static OrderRequest leg(String id, String symbol, Side side, long qty) {
        return new OrderRequest(id, symbol, side, BigDecimal.valueOf(qty), OrderType.MARKET, TimeInForce.DAY, null, null);
    }

    private static Map<String, BigDecimal> held(PaperBroker b) {
        return b.positions().stream().collect(Collectors.toMap(BrokerPosition::symbol, p -> p.quantity().stripTrailingZeros()));
    }

    @Test
    void aBullPutSpreadFillsBothLegsHoldsItsWidthAndSurvivesARestartWithoutDoubling() {
        quotes();
        List<BrokerOrder> legs = fixture.broker.submitMultiLeg(bullPut("m-1", 2));
        assertEquals(List.of(OrderStatus.FILLED, OrderStatus.FILLED), legs.stream().map(BrokerOrder::status).toList());
        assertEquals(0, new BigDecimal("2.00").compareTo(legs.get(0).filledAveragePrice()), "the short sells at the bid");
        assertEquals(0, new BigDecimal("1.30").compareTo(legs.get(1).filledAveragePrice()), "the long buys at the ask");
        // credit (2.00 − 1.30) × 2 × 100 = $140; the pair holds its width (480 − 475) × 100 × 2 = $1,000, not 480 × 200
        PaperBrokerRestartTest.money("100140.00", fixture.broker.account().cash());
        PaperBrokerRestartTest.money("99140.00", fixture.broker.account().buyingPower());

        PaperBroker after = fixture.restart();
        assertEquals(Map.of(PUT_480, new BigDecimal("-2"), PUT_475, new BigDecimal("2")), held(after));
        PaperBrokerRestartTest.money("100140.00", after.account().cash());
        PaperBrokerRestartTest.money("99140.00", after.account().buyingPower());
        // The legs are looked up by their own client order ids; sending the combo again is refused, not doubled.
        assertEquals(OrderStatus.FILLED, after.orderByClientOrderId("m-1-s").orElseThrow().status());
        assertEquals(OrderStatus.FILLED, after.orderByClientOrderId("m-1-l").orElseThrow().status());
        assertThrows(DuplicateClientOrderIdException.class, () -> after.submitMultiLeg(bullPut("m-1", 2)));
        assertEquals(Map.of(PUT_480, new BigDecimal("-2"), PUT_475, new BigDecimal("2")), held(after));
        assertEquals(2, after.fills().size(), "one fill a leg");

        // Closing the spread as one order buys the short back at the ask and sells the long at the bid.
        fixture.setQuote(PUT_480, 1.00, 1.10);
        fixture.setQuote(PUT_475, 0.50, 0.60);
        List<BrokerOrder> closed = after.submitMultiLeg(new MultiLegOrderRequest("m-2", List.of(leg("m-2-s", PUT_480, Side.BUY, 2),
                leg("m-2-l", PUT_475, Side.SELL, 2)), OrderType.MARKET, TimeInForce.DAY, null));
        assertEquals(List.of(OrderStatus.FILLED, OrderStatus.FILLED), closed.stream().map(BrokerOrder::status).toList());
        // 100,140 − 1.10 × 200 + 0.50 × 200 = 100,020
        PaperBrokerRestartTest.money("100020.00", after.account().cash());
        assertTrue(held(after).isEmpty(), held(after).toString());
        assertTrue(fixture.restart().positions().isEmpty());
    }

    @Test
    void aFailedWriteOfTheSecondLegLeavesNoLegAtAll() {
        quotes();
        // Another writer took the long leg's client order id, so the transaction that writes both legs fails.
        fixture.store.inTransaction("plant", c -> c.createStatement().executeUpdate("INSERT INTO paper_orders (broker_order_id,"
                + " order_number, client_order_id, symbol, side, quantity, filled_quantity, order_type, time_in_force, status,"
                + " submitted_at, updated_at, reserve_price, stop_triggered) VALUES ('elsewhere-1', 999, 'm-1-l', 'QQQ', 'BUY', 1,"
                + " 0, 'LIMIT', 'GTC', 'CANCELED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, FALSE)"));
        assertThrows(BrokerUnavailableException.class, () -> fixture.broker.submitMultiLeg(bullPut("m-1", 1)));
        // Neither leg was kept: not in memory, not in the store, no fills, no cash moved.
        assertTrue(fixture.broker.orderByClientOrderId("m-1-s").isEmpty());
        assertTrue(held(fixture.broker).isEmpty());
        PaperBrokerRestartTest.money("100000.00", fixture.broker.account().cash());
        PaperBroker after = fixture.restart();
        assertTrue(after.orderByClientOrderId("m-1-s").isEmpty());
        assertTrue(after.fills().isEmpty());
        assertTrue(held(after).isEmpty());
    }

    @Test
    void aComboTheCashCannotCoverIsRefusedWhole() {
        quotes();
        // 300 spreads hold $150,000 of width, more than the $100,000 + $21,000 of credit: neither leg fills.
        var e = assertThrows(OrderRejectedException.class, () -> fixture.broker.submitMultiLeg(bullPut("m-1", 300)));
        assertTrue(e.getMessage().contains("falls $"), e.getMessage());
        assertTrue(held(fixture.broker).isEmpty());
        assertTrue(fixture.restart().fills().isEmpty());
    }

    @Test
    void aComboSentWhileTheMarketIsClosedIsRefused() {
        quotes();
        fixture.closeMarket();
        assertThrows(OrderRejectedException.class, () -> fixture.broker.submitMultiLeg(bullPut("m-1", 1)));
        assertTrue(held(fixture.broker).isEmpty());
    }
}
