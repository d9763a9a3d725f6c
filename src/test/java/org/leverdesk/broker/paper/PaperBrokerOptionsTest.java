package org.leverdesk.broker.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.OrderRejectedException;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.sim.SimFill;
import org.leverdesk.broker.sim.SimOptionEvent;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;

/**
 * Options on the paper account, kept in the store (V14): a cash-secured put sold at the chain's bid, its short
 * position and collateral across a restart, then the expiry session's close settles it exactly as the simulated
 * broker of a backtest does (assigned: 100 shares bought at the strike; out of the money: expired at $0), with
 * the events saved beside the fills and reported once.
 */
class PaperBrokerOptionsTest {
    private static final LocalDate FRIDAY = LocalDate.of(2026, 3, 6);
    private static final String PUT_490 = OptionContract.of("QQQ", FRIDAY, OptionRight.PUT, "490").occSymbol();
    private static final String PUT_440 = OptionContract.of("QQQ", FRIDAY, OptionRight.PUT, "440").occSymbol();
    private final PaperFixture fixture = new PaperFixture();
    private final SyntheticChains chains = chains();

    private static SyntheticChains chains() {
        return PaperFixture.qqqChainsOfEarly2026();
    }

    @AfterEach
    void cleanUp() {
        fixture.close();
    }

    private static OrderRequest sell(String id, String symbol) {
        return new OrderRequest(id, symbol, Side.SELL, BigDecimal.ONE, OrderType.MARKET, TimeInForce.DAY, null, null);
    }

    @Test
    void shortPutsLiveThroughARestartAndSettleAtTheExpiryClose() {
        PaperBroker paper = fixture.broker;
        paper.setOptionChains(chains);
        fixture.setQuote("QQQ", 479.99, 480.01);
        double bid490 = chains.quote(OptionContract.parse(PUT_490), LocalDate.of(2026, 3, 4), 480).bid();
        double bid440 = chains.quote(OptionContract.parse(PUT_440), LocalDate.of(2026, 3, 4), 480).bid();
        BrokerOrder sold = paper.submit(sell("o-1", PUT_490));
        assertEquals(OrderStatus.FILLED, sold.status());
        assertEquals(bid490, sold.filledAveragePrice().doubleValue(), 1e-9);
        paper.submit(sell("o-2", PUT_440));
        BigDecimal premium = BigDecimal.valueOf(Math.round((bid490 + bid440) * 100 * 100)).movePointLeft(2);
        assertEquals(0, new BigDecimal("100000.00").add(premium).compareTo(paper.account().cash()));
        // Both puts are cash-secured: $49,000 + $44,000 held out of the buying power; a third does not fit.
        assertEquals(0, new BigDecimal("7000.00").add(premium).compareTo(paper.account().buyingPower()));
        assertThrows(OrderRejectedException.class, () -> paper.submit(sell("o-3", PUT_490)));

        PaperBroker after = fixture.restart();
        after.setOptionChains(chains);
        List<SimOptionEvent> heard = new ArrayList<>();
        after.addOptionListener(heard::add);
        Map<String, BigDecimal> held = after.positions().stream()
                .collect(Collectors.toMap(BrokerPosition::symbol, BrokerPosition::quantity));
        assertEquals(0, new BigDecimal("-1").compareTo(held.get(PUT_490)));
        assertEquals(0, new BigDecimal("-1").compareTo(held.get(PUT_440)));
        assertEquals(0, new BigDecimal("7000.00").add(premium).compareTo(after.account().buyingPower()));

        // Friday 10:00: QQQ falls to 470; at the close the 490 put is $20 in the money, the 440 put out of it.
        fixture.clock.set(Instant.parse("2026-03-06T15:00:00Z"));
        fixture.setQuote("QQQ", 469.99, 470.01);
        fixture.clock.set(Instant.parse("2026-03-06T21:01:00Z"));
        after.refresh();

        held = after.positions().stream().collect(Collectors.toMap(BrokerPosition::symbol, BrokerPosition::quantity));
        assertEquals(Map.of("QQQ", 0), Map.of("QQQ", held.get("QQQ").compareTo(new BigDecimal("100"))), "100 shares assigned");
        assertEquals(1, held.size(), "both options are gone: " + held);
        // cash: premium in, $49,000 out for the shares at the strike
        assertEquals(0, new BigDecimal("51000.00").add(premium).compareTo(after.account().cash()));
        List<SimOptionEvent> events = after.optionEvents();
        assertEquals(List.of(SimOptionEvent.Kind.ASSIGNED, SimOptionEvent.Kind.EXPIRED),
                events.stream().sorted(java.util.Comparator.comparing(SimOptionEvent::optionSymbol).reversed())
                        .map(SimOptionEvent::kind).toList());
        assertEquals(events.size(), heard.size());
        assertEquals(events.stream().map(SimOptionEvent::describe).sorted().toList(),
                heard.stream().map(SimOptionEvent::describe).sorted().toList());
        assertEquals("QQQ 260306P00490000 assigned: bought 100 QQQ at $490.00 (QQQ closed $470.00)",
                events.stream().filter(e -> e.kind() == SimOptionEvent.Kind.ASSIGNED).findFirst().orElseThrow().describe());
        // expiry fills without an order: the options close at $0, the shares at the strike
        List<SimFill> fills = after.fills();
        assertEquals(5, fills.size(), fills.toString());
        SimFill shares = fills.stream().filter(f -> f.symbol().equals("QQQ")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("490").compareTo(shares.price()));
        assertTrue(fills.stream().filter(f -> f.symbol().equals(PUT_440) && f.side() == Side.BUY)
                .allMatch(f -> f.price().signum() == 0));

        // A restart neither settles twice nor forgets what happened.
        PaperBroker again = fixture.restart();
        again.setOptionChains(chains);
        assertEquals(events, again.optionEvents());
        assertEquals(5, again.fills().size());
        assertEquals(0, new BigDecimal("51000.00").add(premium).compareTo(again.account().cash()));
    }
}
