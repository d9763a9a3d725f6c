package org.leverdesk.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.sim.CommissionModel;
import org.leverdesk.broker.sim.SimBroker;
import org.leverdesk.broker.sim.SimFill;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.notify.Notification;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.risk.RiskGate;
import org.leverdesk.risk.TradingState;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.TradingStateRepository;
import org.leverdesk.testing.ForwardingBroker;
import org.leverdesk.testing.MutableClock;

/**
 * "Close all options" through the one emergency path ({@link EmergencyScope#allOptions()}), against the simulated
 * broker (the paper broker's engine): a bull put spread closes as one multi-leg order, then the lone short call is
 * bought back before the lone long put is sold; the shares stay, trading is not halted, and each position gets its
 * line in the report. A broker that takes no multi-leg orders gets the legs one by one, the short first.
 */
public class EmergencyCloseOptionsTest {
    private static final LocalDate EXPIRY = LocalDate.of(2025, 1, 17);
    public static final String PUT_480 = contract(OptionRight.PUT, "480");
    public static final String PUT_475 = contract(OptionRight.PUT, "475");
    public static final String PUT_470 = contract(OptionRight.PUT, "470");
    public static final String CALL_500 = contract(OptionRight.CALL, "500");

    @TempDir
    Path dir;

    private static String contract(OptionRight right, String strike) {
        return OptionContract.of("QQQ", EXPIRY, right, strike).occSymbol();
    }

    /** A cash account at 15:30 on 2025-01-10 with a bull put spread ×2, a covered call, a long put and 100 QQQ. */
    public static SimBroker account() {
        java.time.Instant at = ZonedDateTime.of(2025, 1, 10, 15, 30, 0, 0, NyseCalendar.ZONE).toInstant();
        SimBroker sim = new SimBroker("sim", new BigDecimal("100000.00"), CommissionModel.FREE, new NyseCalendar(), at, true);
        sim.setQuote("QQQ", 489.99, 490.01, at);
        sim.setQuote(PUT_480, 2.00, 2.10, at);
        sim.setQuote(PUT_475, 1.20, 1.30, at);
        sim.setQuote(PUT_470, 0.80, 0.90, at);
        sim.setQuote(CALL_500, 1.50, 1.60, at);
        sim.submit(order("s-qqq", "QQQ", Side.BUY, 100));
        sim.submitMultiLeg(new MultiLegOrderRequest("m-1", List.of(order("m-1-s", PUT_480, Side.SELL, 2),
                order("m-1-l", PUT_475, Side.BUY, 2)), OrderType.MARKET, TimeInForce.DAY, null));
        sim.submit(order("c-1", CALL_500, Side.SELL, 1));
        sim.submit(order("p-1", PUT_470, Side.BUY, 1));
        sim.drainChanges();
        return sim;
    }

    public static OrderRequest order(String id, String symbol, Side side, long qty) {
        return new OrderRequest(id, symbol, side, BigDecimal.valueOf(qty), OrderType.MARKET, TimeInForce.DAY, null, null);
    }

    public static Map<String, String> held(Broker sim) {
        return sim.positions().stream().collect(Collectors.toMap(BrokerPosition::symbol, p -> p.quantity().stripTrailingZeros().toPlainString()));
    }

    private EmergencyReport closeOptions(Broker sim, Store store, List<Notification> sent) {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-10T20:30:00Z"));
        return new EmergencyExit(sim, StoreEmergencyRecord.of(store, clock), sent::add, clock, Duration.ofSeconds(30),
                Duration.ofSeconds(1), clock::advance, null).run(EmergencyScope.allOptions(), "cli", "test");
    }

    @Test
    void theSpreadClosesAsOneOrderThenShortsBeforeLongsAndTheSharesStay() {
        SimBroker sim = account();
        List<Notification> sent = new ArrayList<>();
        try (Store store = Store.open(dir)) {
            EmergencyReport r = closeOptions(sim, store, sent);
            assertTrue(r.ok(), r.lines().toString());
            assertEquals(EmergencyReport.Outcome.FLAT, r.outcome());
            assertEquals(Map.of("QQQ", "100"), held(sim), "only the shares are left");
            // Sent in this order: the spread's two legs as one order, then the lone short bought back, then the long sold.
            List<String> fills = sim.drainChanges().fills().stream().map(f -> f.side() + " " + f.symbol() + " "
                    + f.quantity().stripTrailingZeros().toPlainString() + " @ " + f.price().stripTrailingZeros().toPlainString()).toList();
            // (Inside the all-or-none combo the simulated broker books the sale first; both fill at one moment or neither.)
            assertEquals(java.util.Set.of("BUY " + PUT_480 + " 2 @ 2.1", "SELL " + PUT_475 + " 2 @ 1.2"),
                    java.util.Set.copyOf(fills.subList(0, 2)));
            assertEquals(List.of("BUY " + CALL_500 + " 1 @ 1.6", "SELL " + PUT_470 + " 1 @ 0.8"), fills.subList(2, 4));
            // One line per position, in the order they were closed; the spread's name its multi-leg order.
            assertEquals(List.of(PUT_480, PUT_475, CALL_500, PUT_470),
                    r.positions().stream().map(EmergencyReport.PositionLine::symbol).toList());
            assertTrue(r.positions().get(0).detail().startsWith("closed - multi-leg ld-emergency-mleg-"), r.positions().get(0).text());
            assertTrue(r.positions().get(0).detail().endsWith(": bought 2 at $2.10"), r.positions().get(0).text());
            assertEquals(-1, r.positions().get(2).quantity().signum());
            assertEquals("every option position", r.scope());
            assertFalse(r.halt().requested(), "the strategies keep running; shares are not touched");
            assertEquals(TradingState.ACTIVE, new RiskGate(new TradingStateRepository(store, java.time.Clock.systemUTC()),
                    new JournalRepository(store, java.time.Clock.systemUTC())).state());
            assertEquals(1, sent.size());
        }
    }

    @Test
    void aBrokerWithoutMultiLegOrdersGetsTheLegsOneByOneShortsFirst() {
        SimBroker sim = account();
        try (Store store = Store.open(dir)) {
            // Takes no multi-leg orders (the Broker default, as the Alpaca adapter today).
            EmergencyReport r = closeOptions(new ForwardingBroker(sim), store, new ArrayList<>());
            assertTrue(r.ok(), r.lines().toString());
            assertEquals(Map.of("QQQ", "100"), held(sim));
            List<SimFill> fills = sim.drainChanges().fills();
            assertEquals(List.of(Side.BUY, Side.BUY, Side.SELL, Side.SELL), fills.stream().map(SimFill::side).toList(),
                    "both shorts are bought back before either long is sold");
            assertTrue(new JournalRepository(store, java.time.Clock.systemUTC()).recent(50).stream().anyMatch(e -> e.message()
                    .contains("as one multi-leg order failed (order ld-emergency-mleg-")), "the refusal is journalled");
        }
    }

    @Test
    void anOptionsScopeCoversOptionsOnly() {
        EmergencyScope s = EmergencyScope.allOptions();
        assertTrue(s.covers(PUT_480));
        assertFalse(s.covers("QQQ"));
        assertFalse(s.isWholeAccount());
    }
}
