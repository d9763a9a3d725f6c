package org.leverdesk.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;

/**
 * A limit {@code mleg} order that the quotes do not meet rests at the fake Alpaca server and fills when they reach it,
 * so the adapter reads every state of one: {@code new} (nothing filled), {@code partially_filled} (a whole unit of every
 * leg), {@code filled}, and {@code expired} at the close with its legs. Hand-checked: a bull put spread 480/475 × 2 for a
 * credit of at least $0.90 (limit −0.90); the quotes first give $0.70 (2.00 − 1.30), one unit is taken by hand at them
 * (+$70), then the 480's bid rises to 2.20 and the rest fills at $0.90 (+$90): $100,160 in cash.
 */
class AlpacaMlegRestingTest {
    private static final LocalDate EXPIRY = LocalDate.of(2026, 3, 20);
    private static final String PUT_480 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "480").occSymbol();
    private static final String PUT_475 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "475").occSymbol();

    private FakeAlpacaServer server;
    private AlpacaBroker broker;

    @BeforeEach
    void start() {
        server = FakeAlpacaServer.start();
        broker = AlpacaBroker.create(server.settings());
        server.setQuote("QQQ", 489.99, 490.01);
        server.setQuote(PUT_480, 2.00, 2.10);
        server.setQuote(PUT_475, 1.20, 1.30);
    }

    @AfterEach
    void stop() {
        broker.close();
        server.close();
    }

    private static MultiLegOrderRequest bullPut(String id, String limit) {
        return new MultiLegOrderRequest(id, List.of(
                new OrderRequest(id + "-s", PUT_480, Side.SELL, BigDecimal.valueOf(2), OrderType.MARKET, TimeInForce.DAY, null, null),
                new OrderRequest(id + "-l", PUT_475, Side.BUY, BigDecimal.valueOf(2), OrderType.MARKET, TimeInForce.DAY, null, null)),
                OrderType.LIMIT, TimeInForce.DAY, new BigDecimal(limit));
    }

    private static String states(List<BrokerOrder> legs) {
        return legs.stream().map(l -> l.clientOrderId() + " " + l.status() + " " + l.filledQuantity().stripTrailingZeros().toPlainString()
                + "/" + l.quantity().stripTrailingZeros().toPlainString()).collect(Collectors.joining(", "));
    }

    private Map<String, BigDecimal> held() {
        return broker.positions().stream().collect(Collectors.toMap(BrokerPosition::symbol, BrokerPosition::quantity));
    }

    @Test
    void aLimitSpreadRestsFillsPartlyByHandAndFillsWhenTheQuotesReachIt() {
        MultiLegOrderRequest r = bullPut("rest-1", "-0.90");
        List<BrokerOrder> sent = broker.submitMultiLeg(r);
        assertEquals("rest-1-s ACCEPTED 0/2, rest-1-l ACCEPTED 0/2", states(sent), "Alpaca's 'new': resting, nothing filled");
        assertEquals(0, broker.positions().stream().filter(p -> p.symbol().equals(PUT_480)).count());
        // a quote that still gives only $0.70 changes nothing
        server.setQuote(PUT_475, 1.20, 1.30);
        assertEquals("rest-1-s ACCEPTED 0/2, rest-1-l ACCEPTED 0/2", states(broker.multiLegLegs(r)));

        server.partialFill("rest-1", BigDecimal.ONE);
        assertEquals("rest-1-s PARTIALLY_FILLED 1/2, rest-1-l PARTIALLY_FILLED 1/2", states(broker.multiLegLegs(r)));
        assertEquals(0, new BigDecimal("-1").compareTo(held().get(PUT_480)));
        assertEquals(0, BigDecimal.ONE.compareTo(held().get(PUT_475)));

        server.setQuote(PUT_480, 2.20, 2.30); // 2.20 − 1.30 = the $0.90 asked
        List<BrokerOrder> done = broker.multiLegLegs(r);
        assertEquals("rest-1-s FILLED 2/2, rest-1-l FILLED 2/2", states(done));
        assertEquals(0, new BigDecimal("2.1").compareTo(done.get(0).filledAveragePrice()), "sold at 2.00 and 2.20");
        assertEquals(0, new BigDecimal("1.3").compareTo(done.get(1).filledAveragePrice()));
        assertEquals(0, new BigDecimal("-2").compareTo(held().get(PUT_480)));
        assertEquals(0, new BigDecimal("2").compareTo(held().get(PUT_475)));
        assertEquals(0, new BigDecimal("100160").compareTo(broker.account().cash()), "100,000 + 70 + 90");
    }

    /**
     * A resting mleg order in the open orders (what a reconcile after a restart reads first): the parent has no symbol
     * or side of its own, so it is listed as its legs, each with its contract, side and quantity. Before the fix the
     * whole listing was refused as malformed ("[0].symbol is missing") and no reconcile could run while it rested.
     */
    @Test
    void aRestingSpreadIsListedAmongTheOpenOrdersAsItsLegs() {
        broker.submitMultiLeg(bullPut("rest-3", "-0.90"));
        String open = broker.openOrders().stream().map(o -> o.side() + " " + o.quantity().stripTrailingZeros().toPlainString() + " "
                + o.symbol() + " " + o.status()).sorted().collect(Collectors.joining(", "));
        assertEquals("BUY 2 " + PUT_475 + " ACCEPTED, SELL 2 " + PUT_480 + " ACCEPTED", open);
        server.setQuote(PUT_480, 2.20, 2.30);
        assertEquals(List.of(), broker.openOrders(), "filled: nothing open");
    }

    @Test
    void aLimitSpreadTheQuotesNeverReachExpiresWithItsLegsAtTheClose() {
        MultiLegOrderRequest r = bullPut("rest-2", "-1.50");
        assertEquals("rest-2-s ACCEPTED 0/2, rest-2-l ACCEPTED 0/2", states(broker.submitMultiLeg(r)));
        server.setQuote(PUT_480, 2.40, 2.50); // $1.10: still short of $1.50
        assertEquals("rest-2-s ACCEPTED 0/2, rest-2-l ACCEPTED 0/2", states(broker.multiLegLegs(r)));
        server.advanceTo(LocalDate.of(2026, 3, 4), LocalTime.of(16, 10));
        assertEquals("rest-2-s EXPIRED 0/2, rest-2-l EXPIRED 0/2", states(broker.multiLegLegs(r)));
        assertEquals(0, broker.positions().stream().filter(p -> p.symbol().equals(PUT_480) || p.symbol().equals(PUT_475)).count());
        assertEquals(0, new BigDecimal("100000").compareTo(broker.account().cash()));
    }
}
