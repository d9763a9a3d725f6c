package org.leverdesk.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.sim.CommissionModel;
import org.leverdesk.broker.sim.SimBroker;
import org.leverdesk.config.ExternalPositions;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.execution.ClientOrderIds;
import org.leverdesk.execution.PositionChecks;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderIntent;
import org.leverdesk.store.OrderQueries;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.PositionLedger;
import org.leverdesk.store.Store;
import org.leverdesk.testing.MutableClock;

/**
 * Force-exit of one option strategy in an account where the wheel, spreads and the condor trade QQQ options
 * (decision record 0031): the strategy's own part of each contract closes (its spreads as multi-leg orders, shorts
 * bought back before longs are sold), the other strategies' parts and open orders stay, and the part it closed is
 * recorded under it, so the store's split still gives the others theirs afterwards.
 */
public class EmergencyStrategyOptionsTest {
    private static final LocalDate EXPIRY = LocalDate.of(2025, 1, 17);
    private static final LocalDate DAY = LocalDate.of(2025, 1, 10);
    public static final String PUT_480 = put("480");
    public static final String PUT_475 = put("475");
    public static final String PUT_465 = put("465");
    public static final String PUT_460 = put("460");
    public static final String CALL_510 = OptionContract.of("QQQ", EXPIRY, OptionRight.CALL, "510").occSymbol();
    public static final String CALL_515 = OptionContract.of("QQQ", EXPIRY, OptionRight.CALL, "515").occSymbol();

    @TempDir
    Path dir;

    private int n;

    private static String put(String strike) {
        return OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, strike).occSymbol();
    }

    private static SimBroker broker() {
        Instant at = ZonedDateTime.of(2025, 1, 10, 15, 30, 0, 0, NyseCalendar.ZONE).toInstant();
        SimBroker sim = new SimBroker("sim", new BigDecimal("200000.00"), CommissionModel.FREE, new NyseCalendar(), at, true);
        sim.setQuote("QQQ", 489.99, 490.01, at);
        sim.setQuote(PUT_480, 2.00, 2.10, at);
        sim.setQuote(PUT_475, 1.20, 1.30, at);
        sim.setQuote(PUT_465, 0.60, 0.70, at);
        sim.setQuote(PUT_460, 0.40, 0.50, at);
        sim.setQuote(CALL_510, 0.90, 1.00, at);
        sim.setQuote(CALL_515, 0.50, 0.60, at);
        return sim;
    }

    /** An order of {@code strategy} filled at the broker and recorded in the store as its own (what OrderSender does). */
    private void filled(SimBroker sim, OrderRepository orders, String strategy, String symbol, Side side, long qty) {
        String id = ClientOrderIds.of(strategy, 1, DAY, "leg-" + (++n));
        OrderRequest r = new OrderRequest(id, symbol, side, BigDecimal.valueOf(qty), OrderType.MARKET, TimeInForce.DAY, null, null);
        orders.insertIntent(intent(strategy, r));
        BrokerOrder o = sim.submit(r);
        assertEquals(OrderStatus.FILLED, o.status(), o.toString());
        orders.recordOutcome(id, o.status(), o.brokerOrderId(), o.filledQuantity(), o.filledAveragePrice(), null);
    }

    /** A spread of {@code strategy} (short {@code shortLeg}, long {@code longLeg}) as one multi-leg order, recorded. */
    private void spread(SimBroker sim, OrderRepository orders, String strategy, String shortLeg, String longLeg, long qty) {
        String parent = ClientOrderIds.of(strategy, 1, DAY, "open-" + (++n));
        List<OrderRequest> legs = List.of(
                new OrderRequest(parent + "-s", shortLeg, Side.SELL, BigDecimal.valueOf(qty), OrderType.MARKET, TimeInForce.DAY, null, null),
                new OrderRequest(parent + "-l", longLeg, Side.BUY, BigDecimal.valueOf(qty), OrderType.MARKET, TimeInForce.DAY, null, null));
        legs.forEach(l -> orders.insertIntent(intent(strategy, l)));
        for (BrokerOrder o : sim.submitMultiLeg(new MultiLegOrderRequest(parent, legs, OrderType.MARKET, TimeInForce.DAY, null))) {
            assertEquals(OrderStatus.FILLED, o.status(), o.toString());
            orders.recordOutcome(o.clientOrderId(), o.status(), o.brokerOrderId(), o.filledQuantity(), o.filledAveragePrice(), null);
        }
    }

    /** A resting limit order of {@code strategy}, recorded. */
    private BrokerOrder resting(SimBroker sim, OrderRepository orders, String strategy, String symbol, Side side, String limit) {
        return resting(sim, orders, strategy, ClientOrderIds.of(strategy, 1, DAY, "rest-" + (++n)), symbol, side, limit);
    }

    private BrokerOrder resting(SimBroker sim, OrderRepository orders, String strategy, String id, String symbol, Side side,
                                String limit) {
        OrderRequest r = new OrderRequest(id, symbol, side, BigDecimal.ONE, OrderType.LIMIT, TimeInForce.GTC, new BigDecimal(limit), null);
        orders.insertIntent(intent(strategy, r));
        BrokerOrder o = sim.submit(r);
        orders.updateStatus(id, o.status(), o.brokerOrderId());
        return o;
    }

    private static OrderIntent intent(String strategy, OrderRequest r) {
        return new OrderIntent(r.clientOrderId(), strategy, DAY, "leg", r.symbol(), r.side(), r.quantity(), r.type(),
                r.timeInForce(), r.limitPrice(), r.stopPrice());
    }

    /**
     * The wheel: 100 QQQ and short 1 PUT_480, with a resting buy-back; spreads: 2 × (short PUT_480, long PUT_475), with a
     * resting order of its own; the condor: short PUT_465 / long PUT_460 and short CALL_510 / long CALL_515. The account
     * shows PUT_480 −3.
     */
    private SimBroker sharedAccount(Store store) {
        SimBroker sim = broker();
        OrderRepository orders = new OrderRepository(store, Clock.systemUTC());
        filled(sim, orders, "wheel", "QQQ", Side.BUY, 100);
        filled(sim, orders, "wheel", PUT_480, Side.SELL, 1);
        spread(sim, orders, "spreads", PUT_480, PUT_475, 2);
        spread(sim, orders, "condor", PUT_465, PUT_460, 1);
        spread(sim, orders, "condor", CALL_510, CALL_515, 1);
        sim.drainChanges();
        return sim;
    }

    /** {@link #sharedAccount} with the wheel's resting buy-back of PUT_480 at $0.50, each order recorded in {@code store}. */
    public static SimBroker sharedAccountWithWheelOrder(Store store) {
        EmergencyStrategyOptionsTest t = new EmergencyStrategyOptionsTest();
        SimBroker sim = t.sharedAccount(store);
        t.resting(sim, new OrderRepository(store, Clock.systemUTC()), "wheel", PUT_480, Side.BUY, "0.50");
        return sim;
    }

    private EmergencyReport forceExit(SimBroker sim, Store store, EmergencyScope scope) {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-10T20:30:00Z"));
        return new EmergencyExit(sim, StoreEmergencyRecord.of(store, clock), null, clock, Duration.ofSeconds(30),
                Duration.ofSeconds(1), clock::advance, null).run(scope, "cli", "test");
    }

    private static EmergencyScope optionStrategy(String id) {
        return EmergencyScope.strategy(id, Set.of(), Set.of("QQQ"), false);
    }

    private static List<String> fills(SimBroker sim) {
        return sim.drainChanges().fills().stream().map(f -> f.side() + " " + f.quantity().stripTrailingZeros().toPlainString()
                + " " + f.symbol()).toList();
    }

    private static String line(EmergencyReport r, String symbol) {
        return r.positions().stream().filter(p -> p.symbol().equals(symbol)).findFirst().orElseThrow().text();
    }

    @Test
    void spreadsClosesExactlyItsPartAndTheWheelKeepsItsPutAndItsOrder() {
        try (Store store = Store.open(dir)) {
            SimBroker sim = sharedAccount(store);
            OrderRepository orders = new OrderRepository(store, Clock.systemUTC());
            BrokerOrder wheelOrder = resting(sim, orders, "wheel", PUT_480, Side.BUY, "0.50");
            BrokerOrder spreadsOrder = resting(sim, orders, "spreads", PUT_475, Side.SELL, "9.00");
            assertEquals("-3", EmergencyCloseOptionsTest.held(sim).get(PUT_480));

            EmergencyReport r = forceExit(sim, store, optionStrategy("spreads"));

            assertTrue(r.ok(), r.lines().toString());
            assertEquals(Map.of("QQQ", "100", PUT_480, "-1", PUT_465, "-1", PUT_460, "1", CALL_510, "-1", CALL_515, "1"),
                    EmergencyCloseOptionsTest.held(sim), "only spreads' 2 short and its 2 long went");
            assertEquals(Set.of("BUY 2 " + PUT_480, "SELL 2 " + PUT_475), Set.copyOf(fills(sim)), "as one multi-leg order");
            assertEquals(List.of(spreadsOrder.brokerOrderId()), r.cancelled().stream().map(EmergencyReport.OrderLine::brokerOrderId).toList());
            assertEquals(List.of(wheelOrder.brokerOrderId()), sim.openOrders().stream().map(BrokerOrder::brokerOrderId).toList(),
                    "the wheel's order stays open");
            assertTrue(line(r, PUT_480).startsWith(PUT_480 + " -2: its part of -3 held; closed - multi-leg ld-emergency-mleg-"),
                    line(r, PUT_480));
            assertTrue(line(r, PUT_475).startsWith(PUT_475 + " 2: its part of 2 held; closed"), line(r, PUT_475));
            assertEquals(2, r.positions().size(), r.lines().toString());
            // Recorded under spreads: the store's split gives the wheel its put and spreads nothing, whatever the names.
            PositionChecks book = new PositionChecks(new PositionLedger(store, Clock.systemUTC()),
                    new OrderQueries(store, orders), new JournalRepository(store, Clock.systemUTC()), ExternalPositions.IGNORE);
            var positions = sim.positions();
            assertEquals(-1L, book.ownership("wheel", Set.of("QQQ")).parts(positions).get(PUT_480));
            assertEquals(0L, book.ownership("spreads", Set.of("QQQ")).parts(positions).get(PUT_480));
            assertEquals("spreads", orders.recent(50).stream().filter(o -> o.intent().clientOrderId().startsWith("ld-emergency-mleg-"))
                    .map(o -> o.intent().strategyId()).distinct().reduce((a, b) -> a + "," + b).orElseThrow());
        }
    }

    @Test
    void anOrderWhoseIdIsTheBrokersIsToldByTheStoresRecord() {
        // Alpaca lists a resting multi-leg order's legs under ids of its own; the store recorded them under the strategy.
        try (Store store = Store.open(dir)) {
            SimBroker sim = sharedAccount(store);
            OrderRepository orders = new OrderRepository(store, Clock.systemUTC());
            BrokerOrder spreadsLeg = resting(sim, orders, "spreads", "leg-of-alpaca-1", PUT_475, Side.SELL, "9.00");
            BrokerOrder wheelLeg = resting(sim, orders, "wheel", "leg-of-alpaca-2", PUT_480, Side.BUY, "0.50");
            EmergencyReport r = forceExit(sim, store, optionStrategy("spreads"));
            assertTrue(r.ok(), r.lines().toString());
            assertEquals(List.of(spreadsLeg.brokerOrderId()), r.cancelled().stream().map(EmergencyReport.OrderLine::brokerOrderId).toList());
            assertEquals(List.of(wheelLeg.brokerOrderId()), sim.openOrders().stream().map(BrokerOrder::brokerOrderId).toList());
        }
    }

    @Test
    void theCondorAloneClosesItsOwnContractsAsTwoSpreads() {
        try (Store store = Store.open(dir)) {
            SimBroker sim = sharedAccount(store);
            EmergencyReport r = forceExit(sim, store, optionStrategy("condor"));
            assertTrue(r.ok(), r.lines().toString());
            assertEquals(Map.of("QQQ", "100", PUT_480, "-3", PUT_475, "2"), EmergencyCloseOptionsTest.held(sim));
            List<String> f = fills(sim);
            assertEquals(4, f.size(), f.toString());
            assertEquals(Set.of("BUY 1 " + PUT_465, "SELL 1 " + PUT_460), Set.copyOf(f.subList(0, 2)), f.toString());
            assertEquals(Set.of("BUY 1 " + CALL_510, "SELL 1 " + CALL_515), Set.copyOf(f.subList(2, 4)), f.toString());
            assertTrue(line(r, PUT_465).startsWith(PUT_465 + " -1: its part of -1 held; closed - multi-leg"), line(r, PUT_465));
        }
    }

    @Test
    void theWheelClosesItsSharesAndItsOnePutAloneShortFirst() {
        try (Store store = Store.open(dir)) {
            SimBroker sim = sharedAccount(store);
            EmergencyReport r = forceExit(sim, store, EmergencyScope.strategy("wheel", Set.of("QQQ"), Set.of("QQQ"), false));
            assertTrue(r.ok(), r.lines().toString());
            assertEquals(Map.of(PUT_480, "-2", PUT_475, "2", PUT_465, "-1", PUT_460, "1", CALL_510, "-1", CALL_515, "1"),
                    EmergencyCloseOptionsTest.held(sim));
            assertEquals(List.of("BUY 1 " + PUT_480, "SELL 100 QQQ"), fills(sim), "the put bought back before the shares go");
            assertTrue(line(r, PUT_480).startsWith(PUT_480 + " -1: its part of -3 held; closed - closing order"), line(r, PUT_480));
        }
    }

    @Test
    void aSingleOptionStrategyAccountClosesItsOptionsTheOldGap() {
        try (Store store = Store.open(dir)) {
            SimBroker sim = broker();
            OrderRepository orders = new OrderRepository(store, Clock.systemUTC());
            spread(sim, orders, "spreads", PUT_480, PUT_475, 2);
            sim.drainChanges();
            EmergencyReport r = forceExit(sim, store, optionStrategy("spreads"));
            assertTrue(r.ok(), r.lines().toString());
            assertEquals(EmergencyReport.Outcome.FLAT, r.outcome());
            assertTrue(sim.positions().isEmpty(), EmergencyCloseOptionsTest.held(sim).toString());
            assertTrue(line(r, PUT_480).startsWith(PUT_480 + " -2: its part of -2 held; closed - multi-leg"), line(r, PUT_480));
            assertEquals(Set.of("BUY 2 " + PUT_480, "SELL 2 " + PUT_475), Set.copyOf(fills(sim)));
        }
    }

    @Test
    void withoutAStoreToTellItsPartItsOptionsAreLeftAndTheReportSaysSo() {
        try (Store store = Store.open(dir)) {
            SimBroker sim = sharedAccount(store);
            MutableClock clock = new MutableClock(Instant.parse("2025-01-10T20:30:00Z"));
            List<org.leverdesk.notify.Notification> sent = new ArrayList<>();
            EmergencyReport r = new EmergencyExit(sim, EmergencyRecord.unavailable("the store is held"), sent::add, clock,
                    Duration.ofSeconds(30), Duration.ofSeconds(1), clock::advance, null).run(optionStrategy("spreads"), "cli", "test");
            assertFalse(r.ok());
            assertTrue(r.problems().stream().anyMatch(p -> p.contains("its part of the options on QQQ cannot be told")
                    && p.contains("NOT closed")), r.problems().toString());
            assertEquals("-3", EmergencyCloseOptionsTest.held(sim).get(PUT_480), "nothing of another strategy's is sold");
            assertTrue(fills(sim).isEmpty());
        }
    }

    @Test
    void aStrategyScopeCancelsOnlyItsOwnOrdersInItsOptions() {
        EmergencyScope s = optionStrategy("spreads");
        assertTrue(s.covers(PUT_480));
        assertFalse(s.covers("QQQ"));
        assertTrue(s.coversOrder(order("ld-spreads-v1-20250110-x", PUT_480)));
        assertFalse(s.coversOrder(order("ld-wheel-v1-20250110-x", PUT_480)));
        assertFalse(s.coversOrder(order(null, PUT_480)));
        assertEquals("strategy spreads (its part of the options on QQQ)", s.label());
    }

    private static BrokerOrder order(String clientId, String symbol) {
        return new BrokerOrder("b", clientId, symbol, Side.BUY, BigDecimal.ONE, BigDecimal.ZERO, null, OrderType.LIMIT,
                TimeInForce.GTC, BigDecimal.ONE, null, OrderStatus.ACCEPTED, Instant.EPOCH, Instant.EPOCH, null);
    }
}
