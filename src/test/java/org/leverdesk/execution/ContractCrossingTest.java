package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.sim.CommissionModel;
import org.leverdesk.broker.sim.SimBroker;
import org.leverdesk.config.ExternalPositions;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderIntent;
import org.leverdesk.store.OrderQueries;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.PositionLedger;
import org.leverdesk.store.Store;

/**
 * The risk step's no-crossing rule (decision record 0031), hand-checked on the case a mode backtest found in 2014: the
 * condor sold 1 QQQ 20 Jun 14 84 P (the put wing of its iron condor). Spreads' bull put spread 89/84 would buy that put
 * as its long leg: the account would be flat in it and neither view would show its side, so the spread is denied whole,
 * naming the contract and the condor. Spreads' 89/83 spread touches no contract the condor holds and passes; the condor
 * buying back its own short passes (closing never nets against anyone), and so does the condor selling a second one.
 * The same rule on the store's counts (paper and live) also sees an open order that has not filled.
 */
class ContractCrossingTest {
    private static final LocalDate DAY = LocalDate.of(2014, 5, 29);
    private static final LocalDate EXPIRY = LocalDate.of(2014, 6, 20);
    private static final String P84 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "84").occSymbol();
    private static final String P83 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "83").occSymbol();
    private static final String P89 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "89").occSymbol();
    private static final String REASON = "QQQ 20 Jun 14 84 P: condor is short 1; spreads' buy would net against it in the account";

    @TempDir
    Path dir;

    private static PlannedOrder order(String strategy, String symbol, Side side, long qty) {
        return new PlannedOrder(ClientOrderIds.of(strategy, 1, DAY, symbol.strip()), "leg", symbol, side, qty, OrderType.MARKET,
                TimeInForce.DAY, null, null, "test");
    }

    private static OrderRequest leg(String id, String symbol, Side side, long qty) {
        return new OrderRequest(id, symbol, side, BigDecimal.valueOf(qty), OrderType.MARKET, TimeInForce.DAY, null, null);
    }

    private static long held(SimBroker sim, String symbol) {
        return sim.positions().stream().filter(p -> p.symbol().equals(symbol)).mapToLong(p -> p.quantity().longValue()).sum();
    }

    private static Optional<String> check(PositionBook book, SimBroker sim, String strategy, PlannedOrder... unit) {
        return ContractCrossing.check(strategy, List.of(unit), s -> book.holders(s, () -> held(sim, s)));
    }

    @Test
    void aSpreadWhoseLongLegIsTheCondorsShortPutIsDeniedWholeAndOwnClosesPass() {
        SimBroker sim = new SimBroker("sim", new BigDecimal("100000.00"), CommissionModel.FREE, new NyseCalendar(),
                ZonedDateTime.of(2014, 5, 16, 15, 50, 0, 0, NyseCalendar.ZONE).toInstant(), true);
        sim.setQuote("QQQ", 88.50, 88.50, sim.now());
        sim.setQuote(P84, 0.40, 0.45, sim.now());
        sim.setQuote(P83, 0.30, 0.35, sim.now());
        sim.setQuote(P89, 1.60, 1.70, sim.now());
        SimOwnershipBook book = new SimOwnershipBook(sim, List.of("condor", "spreads"));
        String c = ClientOrderIds.of("condor", 1, LocalDate.of(2014, 5, 16), "open");
        sim.submitMultiLeg(new MultiLegOrderRequest(c, List.of(leg(c + "-a", P84, Side.SELL, 1), leg(c + "-b", P83, Side.BUY, 1)),
                OrderType.MARKET, TimeInForce.DAY, null));
        assertEquals(-1, held(sim, P84));
        assertEquals(Map.of("condor", new PositionBook.Holding(-1, 0)), book.holders(P84, () -> held(sim, P84)));

        // spreads' 89/84 bull put: the short 89 alone would pass, the long 84 buys the condor's short away: all denied
        assertEquals(Optional.of(REASON), check(book, sim, "spreads", order("spreads", P89, Side.SELL, 1),
                order("spreads", P84, Side.BUY, 1)));
        // the same spread with the 83 as its long wing: the condor is long the 83, a buy grows nobody's opposite side
        assertEquals(Optional.empty(), check(book, sim, "spreads", order("spreads", P89, Side.SELL, 1),
                order("spreads", P83, Side.BUY, 1)));
        // but selling the 83 would take the condor's long wing away
        assertEquals(Optional.of("QQQ 20 Jun 14 83 P: condor is long 1; spreads' sell would net against it in the account"),
                check(book, sim, "spreads", order("spreads", P83, Side.SELL, 1)));
        // the condor buying back its own short, or selling one more, nets against nobody
        assertEquals(Optional.empty(), check(book, sim, "condor", order("condor", P84, Side.BUY, 1), order("condor", P83, Side.SELL, 1)));
        assertEquals(Optional.empty(), check(book, sim, "condor", order("condor", P84, Side.SELL, 1)));
        // the wheel (no count anywhere) selling the 84 grows the account's short side: no crossing
        assertEquals(Optional.empty(), check(book, sim, "wheel", order("wheel", P84, Side.SELL, 1)));

        // spreads also short one 84: the condor buying 2 would close its own and buy spreads' short away
        String s = ClientOrderIds.of("spreads", 1, DAY, "put");
        sim.submit(leg(s, P84, Side.SELL, 1));
        assertEquals(-2, held(sim, P84));
        assertEquals(Optional.empty(), check(book, sim, "condor", order("condor", P84, Side.BUY, 1)));
        assertEquals(Optional.of("QQQ 20 Jun 14 84 P: spreads is short 1; condor's buy would net against it in the account"),
                check(book, sim, "condor", order("condor", P84, Side.BUY, 2)));
    }

    @Test
    void inTheStoreAnOpenOrderNotYetFilledCountsAsTheHoldingItWillBe() {
        Instant now = Instant.parse("2014-05-29T19:50:00Z");
        try (Store store = Store.open(dir)) {
            OrderRepository orders = new OrderRepository(store, Clock.fixed(now, ZoneOffset.UTC));
            orders.insertIntent(new OrderIntent("ld-condor-1", "condor", DAY, "a", P84, Side.SELL, BigDecimal.ONE, OrderType.LIMIT,
                    TimeInForce.DAY, new BigDecimal("0.40"), null));
            orders.updateStatus("ld-condor-1", OrderStatus.ACCEPTED, "b-1");
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            PositionChecks book = new PositionChecks(new PositionLedger(store, clock), new OrderQueries(store, orders),
                    new JournalRepository(store, clock), ExternalPositions.IGNORE);
            Optional<String> denied = ContractCrossing.check("spreads", List.of(order("spreads", P89, Side.SELL, 1),
                    order("spreads", P84, Side.BUY, 1)), sym -> book.holders(sym, () -> 0));
            assertEquals(Optional.of("QQQ 20 Jun 14 84 P: condor is short 1 with its open orders; spreads' buy would net against it"
                    + " in the account"), denied);
            // a contract nobody's orders touched: the account is not even asked
            assertEquals(Map.of(), book.holders(P83, () -> {
                throw new AssertionError("the broker was asked for a contract no strategy counts");
            }));
            // ADOPT tells no parts apart: the rule never fires
            PositionChecks adopt = new PositionChecks(new PositionLedger(store, clock), new OrderQueries(store, orders),
                    new JournalRepository(store, clock), ExternalPositions.ADOPT);
            assertEquals(Map.of(), adopt.holders(P84, () -> 0));
        }
    }
}
