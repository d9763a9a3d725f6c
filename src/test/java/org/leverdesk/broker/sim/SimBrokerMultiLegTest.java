package org.leverdesk.broker.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.CloseOutcome;
import org.leverdesk.broker.DuplicateClientOrderIdException;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.OrderRejectedException;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;

/**
 * Multi-leg option orders in the simulated cash account (level 3: defined-risk spreads), hand-checked: all legs
 * or none, at the bid (sells) and ask (buys); a spread holds its width in cash, not the short strike; a spread in
 * the money at expiry settles at intrinsic; close-all closes a spread as one order.
 */
class SimBrokerMultiLegTest {
    private static final LocalDate EXPIRY = LocalDate.of(2025, 1, 17);
    private static final Instant FRIDAY_CLOSE = ZonedDateTime.of(2025, 1, 17, 16, 0, 0, 0, NyseCalendar.ZONE).toInstant();
    private static final String PUT_480 = put("480");
    private static final String PUT_475 = put("475");
    private static final String CALL_500 = OptionContract.of("QQQ", EXPIRY, OptionRight.CALL, "500").occSymbol();
    private static final String CALL_505 = OptionContract.of("QQQ", EXPIRY, OptionRight.CALL, "505").occSymbol();

    private static String put(String strike) {
        return OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, strike).occSymbol();
    }

    private static SimBroker account(String cash) {
        SimBroker sim = new SimBroker("sim", new BigDecimal(cash), CommissionModel.FREE, new NyseCalendar(),
                ZonedDateTime.of(2025, 1, 10, 15, 50, 0, 0, NyseCalendar.ZONE).toInstant(), true);
        sim.setQuote("QQQ", 490, 490, sim.now());
        sim.setQuote(PUT_480, 2.00, 2.10, sim.now());
        sim.setQuote(PUT_475, 1.20, 1.30, sim.now());
        sim.setQuote(CALL_500, 1.50, 1.60, sim.now());
        sim.setQuote(CALL_505, 0.70, 0.80, sim.now());
        return sim;
    }

    private static OrderRequest leg(String id, String symbol, Side side, long qty) {
        return new OrderRequest(id, symbol, side, BigDecimal.valueOf(qty), OrderType.MARKET, TimeInForce.DAY, null, null);
    }

    private static MultiLegOrderRequest combo(String id, OrderRequest... legs) {
        return new MultiLegOrderRequest(id, List.of(legs), OrderType.MARKET, TimeInForce.DAY, null);
    }

    private static MultiLegOrderRequest bullPut(String id, long n) {
        return combo(id, leg(id + "-s", PUT_480, Side.SELL, n), leg(id + "-l", PUT_475, Side.BUY, n));
    }

    @Test
    void aBullPutSpreadFillsBothLegsAndHoldsItsWidthNotItsStrike() {
        SimBroker sim = account("10000.00");
        List<BrokerOrder> legs = sim.submitMultiLeg(bullPut("m-1", 2));
        assertEquals(2, legs.size());
        assertEquals("m-1-s", legs.get(0).clientOrderId());
        assertEquals(OrderStatus.FILLED, legs.get(0).status());
        assertEquals(0, new BigDecimal("2.00").compareTo(legs.get(0).filledAveragePrice()), "the short sells at the bid");
        assertEquals(0, new BigDecimal("1.30").compareTo(legs.get(1).filledAveragePrice()), "the long buys at the ask");
        // credit (2.00 − 1.30) × 2 × 100 = $140 → cash $10,140; the pair holds its width (480 − 475) × 100 × 2 = $1,000
        // (a lone short put would hold 480 × 100 × 2 = $96,000, far more than this account has)
        assertEquals(new BigDecimal("10140.00"), sim.account().cash());
        assertEquals(new BigDecimal("1000.00"), sim.collateral());
        assertEquals(new BigDecimal("9140.00"), sim.account().buyingPower());
        assertEquals(legs.get(1).brokerOrderId(), sim.orderByClientOrderId("m-1-l").orElseThrow().brokerOrderId());
    }

    @Test
    void aSpreadTheCashCannotHoldIsRefusedWholeAndNoLegFills() {
        SimBroker sim = account("800.00");
        // 2 spreads hold $1,000 and bring $140: 800 + 140 − 1,000 = $60 short
        OrderRejectedException e = assertThrows(OrderRejectedException.class, () -> sim.submitMultiLeg(bullPut("m-1", 2)));
        assertTrue(e.getMessage().contains("falls $60.00 short"), e.getMessage());
        assertTrue(sim.positions().isEmpty());
        assertEquals(new BigDecimal("800.00"), sim.account().cash());
        assertTrue(sim.orderByClientOrderId("m-1-s").isEmpty(), "no leg was recorded");
        // one spread fits: 800 + 70 − 500 = 370 free
        sim.submitMultiLeg(bullPut("m-2", 1));
        assertEquals(new BigDecimal("370.00"), sim.account().buyingPower());
    }

    @Test
    void aNakedCallLegIsRefusedAndAnIronCondorHoldsBothWidths() {
        SimBroker sim = account("10000.00");
        assertThrows(OrderRejectedException.class, () -> sim.submitMultiLeg(combo("m-0", leg("m-0-a", CALL_500, Side.SELL, 1),
                leg("m-0-b", PUT_475, Side.BUY, 1))));
        assertTrue(sim.positions().isEmpty());
        sim.submitMultiLeg(combo("c-1", leg("c-1-a", PUT_480, Side.SELL, 1), leg("c-1-b", PUT_475, Side.BUY, 1),
                leg("c-1-c", CALL_500, Side.SELL, 1), leg("c-1-d", CALL_505, Side.BUY, 1)));
        // credit 2.00 − 1.30 + 1.50 − 0.80 = 1.40 → $140; both widths held: 500 + 500
        assertEquals(new BigDecimal("10140.00"), sim.account().cash());
        assertEquals(new BigDecimal("1000.00"), sim.collateral());
        assertEquals(4, sim.positions().size());
    }

    @Test
    void duplicatesFlipsAndAClosedMarketAreRefused() {
        SimBroker sim = account("10000.00");
        sim.submitMultiLeg(bullPut("m-1", 1));
        assertThrows(DuplicateClientOrderIdException.class, () -> sim.submitMultiLeg(bullPut("m-1", 1)));
        OrderRejectedException flip = assertThrows(OrderRejectedException.class, () -> sim.submitMultiLeg(combo("m-2",
                leg("m-2-a", PUT_480, Side.BUY, 2), leg("m-2-b", PUT_475, Side.SELL, 2))));
        assertTrue(flip.getMessage().contains("would flip the position"), flip.getMessage());
        sim.closeMarket();
        OrderRejectedException closed = assertThrows(OrderRejectedException.class, () -> sim.submitMultiLeg(bullPut("m-3", 1)));
        assertTrue(closed.getMessage().contains("while the market is open"), closed.getMessage());
    }

    @Test
    void aSpreadInTheMoneyAtExpiryLosesItsWidthInCash() {
        SimBroker sim = account("10000.00");
        sim.submitMultiLeg(bullPut("m-1", 1));
        sim.setTime(FRIDAY_CLOSE);
        sim.setQuote("QQQ", 470, 470, FRIDAY_CLOSE);
        List<SimOptionEvent> events = sim.settleExpiries(EXPIRY);
        assertEquals(2, events.size());
        assertEquals(SimOptionEvent.Kind.CASH_SETTLED, events.get(0).kind());
        // short 480 put: −$1,000 (intrinsic 10); long 475 put: +$500 (intrinsic 5); no shares move
        assertEquals(new BigDecimal("-1000.00"), events.get(0).cash());
        assertEquals(new BigDecimal("500.00"), events.get(1).cash());
        // 10,000 + 70 credit − 500 width = 9,570: the spread's maximum loss (5 − 0.70) × 100 = $430
        assertEquals(new BigDecimal("9570.00"), sim.account().cash());
        assertTrue(sim.positions().isEmpty());
    }

    @Test
    void closeAllClosesASpreadAsOneOrderAndAShortBeforeALong() {
        SimBroker sim = account("100000.00");
        sim.submitMultiLeg(bullPut("m-1", 1));
        sim.submit(leg("s-1", CALL_500, Side.BUY, 1));
        sim.submit(leg("q-1", "QQQ", Side.BUY, 10));
        List<CloseOutcome> out = sim.closeAllPositions();
        assertEquals(4, out.size());
        // the spread: buy back the 480 at 2.10, sell the 475 at 1.20, one multi-leg order
        assertTrue(out.get(0).detail().contains("multi-leg"), out.get(0).toString());
        assertTrue(out.get(1).detail().contains("multi-leg"), out.get(1).toString());
        // then the long call, then the shares
        assertEquals(CALL_500, out.get(2).symbol());
        assertEquals("QQQ", out.get(3).symbol());
        assertTrue(out.stream().allMatch(CloseOutcome::closed), out.toString());
        assertTrue(sim.positions().isEmpty());
        assertFalse(sim.hasOpenOrders());
        // 100,000 + 70 (credit) − 90 (closing debit 2.10 − 1.20) − 160 + 150 (call bought at the ask, sold at the bid)
        // − 4,900 + 4,900 (shares at 490) = 99,970
        assertEquals(new BigDecimal("99970.00"), sim.account().cash());
    }
}
