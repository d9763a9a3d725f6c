package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.PositionOwnership;
import org.leverdesk.broker.StrategyPortfolio;
import org.leverdesk.broker.sim.SimOptionEvent;
import org.leverdesk.config.ExternalPositions;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderIntent;
import org.leverdesk.store.OrderQueries;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.PositionLedger;
import org.leverdesk.store.Store;

/**
 * Contract-level ownership (decision record 0031), hand-checked: the wheel, spreads and a condor trade options on QQQ
 * in one account. The wheel is short 1 P480 and spreads 2 of the same put (the broker shows −3); spreads are long 2 P470
 * and the condor 1 (+3); the condor is short 1 C520 recorded and 1 more filled at the broker but not yet in the store
 * (−2). Each sees its own part and that part's value; then the March expiry assigns the −3 P480 (300 QQQ bought at 480)
 * and lets the +3 P470 expire: each strategy's part goes, the shares go 100 to the wheel and 200 to spreads; the same
 * events again change nothing; a store opened again gives the same parts.
 */
class ContractOwnershipTest {
    private static final Instant NOW = Instant.parse("2026-03-02T20:50:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate MARCH = LocalDate.of(2026, 3, 20);
    private static final String P480 = OptionContract.of("QQQ", MARCH, OptionRight.PUT, "480").occSymbol();
    private static final String P470 = OptionContract.of("QQQ", MARCH, OptionRight.PUT, "470").occSymbol();
    private static final String C520 = OptionContract.of("QQQ", LocalDate.of(2026, 4, 17), OptionRight.CALL, "520").occSymbol();
    private static final Account ACCOUNT = new Account("PA1", bd("100000"), bd("100000"), bd("100000"), bd("100000"), false);

    @TempDir
    Path dir;

    private static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    private static BrokerPosition pos(String symbol, long q, double price) {
        int m = symbol.length() > 6 ? 100 : 1;
        return new BrokerPosition(symbol, BigDecimal.valueOf(q), BigDecimal.valueOf(price), BigDecimal.valueOf(q * price * m),
                BigDecimal.valueOf(price), BigDecimal.ZERO);
    }

    private static void order(OrderRepository orders, String id, String strategy, String symbol, Side side, int qty, boolean filled) {
        orders.insertIntent(new OrderIntent(id, strategy, DAY, "leg-" + id, symbol, side, BigDecimal.valueOf(qty), OrderType.MARKET,
                TimeInForce.DAY, null, null));
        if (filled) {
            orders.recordOutcome(id, OrderStatus.FILLED, "b-" + id, BigDecimal.valueOf(qty), BigDecimal.ONE, null);
        } else {
            orders.updateStatus(id, OrderStatus.ACCEPTED, "b-" + id);
        }
    }

    private static PositionChecks checks(Store store) {
        OrderRepository orders = new OrderRepository(store, CLOCK);
        return new PositionChecks(new PositionLedger(store, CLOCK), new OrderQueries(store, orders), new JournalRepository(store, CLOCK),
                ExternalPositions.IGNORE);
    }

    private static PortfolioView view(PositionChecks book, String id, double share, List<BrokerPosition> broker) {
        PositionOwnership ownership = book.ownership(id, Set.of("QQQ"));
        return book.own(id, StrategyPortfolio.of(ACCOUNT, broker, Set.of("QQQ"), share, ownership));
    }

    private static Map<String, Long> held(PortfolioView v) {
        Map<String, Long> out = new java.util.TreeMap<>();
        v.positions().forEach((s, p) -> out.put(s, p.quantity()));
        return out;
    }

    @Test
    void eachStrategySeesItsOwnContractsThroughAnAssignmentAndAnExpiry() {
        List<BrokerPosition> before = List.of(pos(P480, -3, 6.00), pos(P470, 3, 3.00), pos(C520, -2, 2.00));
        try (Store store = Store.open(dir)) {
            OrderRepository orders = new OrderRepository(store, CLOCK);
            order(orders, "ld-wheel-1", "wheel", P480, Side.SELL, 1, true);
            order(orders, "ld-spreads-1", "spreads", P480, Side.SELL, 2, true);
            order(orders, "ld-spreads-2", "spreads", P470, Side.BUY, 2, true);
            order(orders, "ld-condor-1", "condor", P470, Side.BUY, 1, true);
            order(orders, "ld-condor-2", "condor", C520, Side.SELL, 1, true);
            order(orders, "ld-condor-3", "condor", C520, Side.SELL, 1, false);
            PositionChecks book = checks(store);

            PortfolioView wheel = view(book, "wheel", 0.5, before);
            PortfolioView spreads = view(book, "spreads", 0.25, before);
            PortfolioView condor = view(book, "condor", 0.25, before);
            assertEquals(Map.of(P480, -1L), held(wheel));
            assertEquals(Map.of(P480, -2L, P470, 2L), held(spreads));
            // the second C520 sale filled at the broker before the store recorded it: the condor's open order explains it
            assertEquals(Map.of(P470, 1L, C520, -2L), held(condor));
            // cash = equity × share − the value of its own part: 50,000 − (−1 × 600) ...
            assertEquals(50_600.0, wheel.cash(), 1e-9);
            // ... 25,000 − (−2 × 600 + 2 × 300) and 25,000 − (1 × 300 − 2 × 200)
            assertEquals(25_600.0, spreads.cash(), 1e-9);
            assertEquals(25_100.0, condor.cash(), 1e-9);

            // The March expiry: the short P480 assigned (300 QQQ bought at 480, QQQ closed 470), the P470 expired worthless.
            PositionLedger ledger = new PositionLedger(store, CLOCK);
            JournalRepository journal = new JournalRepository(store, CLOCK);
            OptionEventLedger events = new OptionEventLedger(ledger, journal);
            Instant at = Instant.parse("2026-03-20T21:00:00Z");
            List<SimOptionEvent> expiry = List.of(
                    new SimOptionEvent(SimOptionEvent.Kind.ASSIGNED, MARCH, P480, "QQQ", bd("-3"), bd("300"), bd("480"), 470.0,
                            bd("-144000"), "e-480", "s-480", at),
                    new SimOptionEvent(SimOptionEvent.Kind.EXPIRED, MARCH, P470, "QQQ", bd("3"), BigDecimal.ZERO, bd("470"), 470.0,
                            BigDecimal.ZERO, "e-470", null, at));
            assertEquals(2, events.recordAll(expiry));
            Map<String, Map<String, BigDecimal>> counts = ledger.byStrategy();
            assertEquals(0, counts.get("wheel").get(P480).signum());
            assertEquals(0, bd("100").compareTo(counts.get("wheel").get("QQQ")));
            assertEquals(0, counts.get("spreads").get(P480).signum());
            assertEquals(0, counts.get("spreads").get(P470).signum());
            assertEquals(0, bd("200").compareTo(counts.get("spreads").get("QQQ")));
            assertEquals(0, counts.get("condor").get(P470).signum());
            assertEquals(2, journal.recent(20).stream().filter(j -> j.kind().equals("option-assignment")).count(),
                    "the assignment journalled for the wheel and for spreads");
            assertTrue(journal.recent(20).stream().anyMatch(j -> j.message().endsWith("(1 of the 3 contracts wheel's)")),
                    journal.recent(20).toString());
            // a restart reads the broker's events again: nothing changes
            assertEquals(0, events.recordAll(expiry));
            assertEquals(counts, ledger.byStrategy());
        }

        List<BrokerPosition> after = List.of(pos("QQQ", 300, 470.00), pos(C520, -2, 2.00));
        try (Store store = Store.open(dir)) {
            // Rebuilt from the store alone (a new process): the shares the assignment brought and the condor's calls.
            PositionChecks book = checks(store);
            assertEquals(Map.of("QQQ", 100L), held(view(book, "wheel", 0.5, after)));
            assertEquals(Map.of("QQQ", 200L), held(view(book, "spreads", 0.25, after)));
            assertEquals(Map.of(C520, -2L), held(view(book, "condor", 0.25, after)));
            // 50,000 − 100 × 470
            assertEquals(3_000.0, view(book, "wheel", 0.5, after).cash(), 1e-9);
        }
    }

    @Test
    void theSplitKeepsOppositeSidesAndGivesWhatNobodyRecordedToNobody() {
        // spreads long 2 and the condor short 1 of one contract: the broker shows +1, each keeps its own
        assertEquals(Map.of("condor", -1L, "spreads", 2L), PositionOwnership.split(1, Map.of("spreads", 2L, "condor", -1L), Map.of()));
        // an expiry nobody recorded yet: both parts go (name order)
        assertEquals(Map.of(), PositionOwnership.split(0, Map.of("spreads", -2L, "wheel", -1L), Map.of()));
        assertEquals(Map.of("wheel", -1L), PositionOwnership.split(-1, Map.of("spreads", -2L, "wheel", -1L), Map.of()));
        // one contract sold by hand beside the wheel's: nobody's
        assertEquals(Map.of("wheel", -1L), PositionOwnership.split(-2, Map.of("wheel", -1L), Map.of()));
        // a fill not yet recorded goes to the strategy whose open order points that way, not to the other
        assertEquals(Map.of("condor", -1L, "spreads", -2L), PositionOwnership.split(-3, Map.of("spreads", -2L),
                Map.of("condor", -1L, "wheel", 1L)));
        assertFalse(PositionOwnership.split(5, Map.of(), Map.of()).containsKey(""));
    }
}
