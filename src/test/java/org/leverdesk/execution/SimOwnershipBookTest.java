package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.sim.CommissionModel;
import org.leverdesk.broker.sim.SimBroker;
import org.leverdesk.broker.sim.SimOptionEvent;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;

/**
 * Contract-level ownership on one simulated account (what a backtest of several strategies passes as its position
 * book), hand-checked: spreads sell 2 of the 480/475 put spread and the condor 1 of it (with a 500/505 call side), the
 * wheel sells a lone 470 put. The broker holds −3 P480 and +3 P475; each strategy's view holds its own part. At the
 * expiry (QQQ 465) the spreads settle in cash, each part going, and the wheel's put is assigned: the 100 shares are
 * the wheel's.
 */
class SimOwnershipBookTest {
    private static final LocalDate EXPIRY = LocalDate.of(2025, 1, 17);
    private static final Instant FRIDAY_CLOSE = ZonedDateTime.of(2025, 1, 17, 16, 0, 0, 0, NyseCalendar.ZONE).toInstant();
    private static final String P480 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "480").occSymbol();
    private static final String P475 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "475").occSymbol();
    private static final String P470 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "470").occSymbol();
    private static final String C500 = OptionContract.of("QQQ", EXPIRY, OptionRight.CALL, "500").occSymbol();
    private static final String C505 = OptionContract.of("QQQ", EXPIRY, OptionRight.CALL, "505").occSymbol();
    private static final Set<String> QQQ = Set.of("QQQ");

    private static OrderRequest leg(String id, String symbol, Side side, long qty) {
        return new OrderRequest(id, symbol, side, BigDecimal.valueOf(qty), OrderType.MARKET, TimeInForce.DAY, null, null);
    }

    private static Map<String, Long> held(PortfolioView v) {
        Map<String, Long> out = new TreeMap<>();
        v.positions().forEach((s, p) -> out.put(s, p.quantity()));
        return out;
    }

    @Test
    void eachStrategyOnOneSimulatedAccountSeesItsOwnContractsAndTheWheelGetsItsAssignment() {
        SimBroker sim = new SimBroker("sim", new BigDecimal("100000.00"), CommissionModel.FREE, new NyseCalendar(),
                ZonedDateTime.of(2025, 1, 10, 15, 50, 0, 0, NyseCalendar.ZONE).toInstant(), true);
        sim.setQuote("QQQ", 490, 490, sim.now());
        sim.setQuote(P480, 2.00, 2.10, sim.now());
        sim.setQuote(P475, 1.20, 1.30, sim.now());
        sim.setQuote(P470, 1.00, 1.10, sim.now());
        sim.setQuote(C500, 1.50, 1.60, sim.now());
        sim.setQuote(C505, 0.70, 0.80, sim.now());
        SimOwnershipBook book = new SimOwnershipBook(sim, List.of("wheel", "spreads", "condor"));
        String s = ClientOrderIds.of("spreads", 1, LocalDate.of(2025, 1, 10), "open");
        sim.submitMultiLeg(new MultiLegOrderRequest(s, List.of(leg(s + "-s", P480, Side.SELL, 2), leg(s + "-l", P475, Side.BUY, 2)),
                OrderType.MARKET, TimeInForce.DAY, null));
        String c = ClientOrderIds.of("condor", 1, LocalDate.of(2025, 1, 10), "open");
        sim.submitMultiLeg(new MultiLegOrderRequest(c, List.of(leg(c + "-a", P480, Side.SELL, 1), leg(c + "-b", P475, Side.BUY, 1),
                leg(c + "-c", C500, Side.SELL, 1), leg(c + "-d", C505, Side.BUY, 1)), OrderType.MARKET, TimeInForce.DAY, null));
        sim.submit(leg(ClientOrderIds.of("wheel", 1, LocalDate.of(2025, 1, 10), "put"), P470, Side.SELL, 1));

        PortfolioView spreads = sim.portfolioView(QQQ, 0.25, book.ownership("spreads", QQQ));
        PortfolioView condor = sim.portfolioView(QQQ, 0.25, book.ownership("condor", QQQ));
        PortfolioView wheel = sim.portfolioView(QQQ, 0.5, book.ownership("wheel", QQQ));
        assertEquals(Map.of(P480, -2L, P475, 2L), held(spreads));
        assertEquals(Map.of(P480, -1L, P475, 1L, C500, -1L, C505, 1L), held(condor));
        assertEquals(Map.of(P470, -1L), held(wheel));
        // credits: spreads (2.00 − 1.30) × 200 = 140, condor 140, wheel 100 → cash 100,380; marked at the mids the
        // positions are worth −3 × 205 + 3 × 125 − 155 + 75 − 105 = −425 → equity 99,955
        assertEquals(99_955.0, sim.equityValue(), 1e-6);
        // spreads: 24,988.75 − (−2 × 205 + 2 × 125) = 25,148.75; condor: 24,988.75 − (−205 + 125 − 155 + 75) = 25,148.75
        assertEquals(25_148.75, spreads.cash(), 1e-6);
        assertEquals(25_148.75, condor.cash(), 1e-6);
        // wheel: 49,977.50 − (−105) = 50,082.50
        assertEquals(50_082.50, wheel.cash(), 1e-6);

        sim.setTime(FRIDAY_CLOSE);
        sim.setQuote("QQQ", 465, 465, FRIDAY_CLOSE);
        List<SimOptionEvent> events = sim.settleExpiries(EXPIRY);
        assertEquals(5, events.size(), events.toString());
        assertEquals(0, book.count("spreads", P480));
        assertEquals(0, book.count("condor", P475));
        assertEquals(0, book.count("wheel", P470));
        assertEquals(100, book.count("wheel", "QQQ"));
        assertEquals(Map.of("QQQ", 100L), held(sim.portfolioView(QQQ, 0.5, book.ownership("wheel", QQQ))));
        assertEquals(Map.of(), held(sim.portfolioView(QQQ, 0.25, book.ownership("spreads", QQQ))));
        assertEquals(Map.of(), held(sim.portfolioView(QQQ, 0.25, book.ownership("condor", QQQ))));
    }
}
