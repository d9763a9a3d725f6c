package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.Quote;
import org.leverdesk.broker.sim.CommissionModel;
import org.leverdesk.broker.sim.SimBroker;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.Target;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.risk.EventSink;
import org.leverdesk.store.OrderIntent;
import org.leverdesk.store.StoredOrder;
import org.leverdesk.strategy.ExecutionPolicy;

/**
 * A spread planned from two targets is one multi-leg order with deterministic ids; its legs' intents are recorded
 * before it is sent; a re-run (a restart) never sends a leg twice, and one whose intents were recorded but never
 * reached the broker is sent once.
 */
class ComboOrderSendTest {
    private static final LocalDate DAY = LocalDate.of(2025, 1, 10);
    private static final String SHORT = OptionContract.of("QQQ", LocalDate.of(2025, 1, 17), OptionRight.PUT, "480").occSymbol();
    private static final String LONG = OptionContract.of("QQQ", LocalDate.of(2025, 1, 17), OptionRight.PUT, "475").occSymbol();

    /** Intents in memory, as the store's orders table keeps them. */
    static final class Intents implements IntentLog {
        final Map<String, StoredOrder> rows = new HashMap<>();

        @Override
        public Optional<StoredOrder> find(String clientOrderId) {
            return Optional.ofNullable(rows.get(clientOrderId));
        }

        @Override
        public void insert(OrderIntent intent) {
            rows.put(intent.clientOrderId(), new StoredOrder(rows.size() + 1, intent, OrderStatus.NEW, null, Instant.EPOCH,
                    Instant.EPOCH, null, null, null));
        }

        @Override
        public StoredOrder update(String clientOrderId, OrderStatus status, String brokerOrderId) {
            StoredOrder s = rows.get(clientOrderId);
            StoredOrder u = new StoredOrder(s.id(), s.intent(), status, brokerOrderId, s.createdAt(), Instant.EPOCH, null, null, null);
            rows.put(clientOrderId, u);
            return u;
        }
    }

    private static SimBroker broker() {
        SimBroker sim = new SimBroker("sim", new BigDecimal("10000.00"), CommissionModel.FREE, new NyseCalendar(),
                ZonedDateTime.of(2025, 1, 10, 15, 50, 0, 0, NyseCalendar.ZONE).toInstant(), true);
        sim.setQuote(SHORT, 2.00, 2.10, sim.now());
        sim.setQuote(LONG, 1.20, 1.30, sim.now());
        return sim;
    }

    private static ComboOrder plan(SimBroker sim) {
        Map<String, Quote> quotes = Map.of(SHORT, sim.latestQuote(SHORT), LONG, sim.latestQuote(LONG));
        OrderPlan p = new OrderPlanner(RiskSettings.defaults()).plan(new PlanInput("spreads", 1, DAY,
                List.of(new Target(SHORT, -2), new Target(LONG, 2)), Map.of(), 10_000, quotes, true,
                ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET, 0)));
        assertEquals(List.of(), p.orders(), "no leg is a single order");
        assertEquals(1, p.combos().size());
        return p.combos().get(0);
    }

    @Test
    void theSpreadIsOneOrderWithDeterministicIdsAndARerunSendsNothingTwice() {
        SimBroker sim = broker();
        ComboOrder c = plan(sim);
        assertEquals("ld-spreads-v1-20250110-mleg-QQQ-250117-bs", c.clientOrderId());
        assertEquals("mleg-QQQ-250117-bs/sell-" + SHORT, c.legs().get(0).leg());
        assertEquals(ClientOrderIds.of("spreads", 1, DAY, "sell-" + SHORT), c.legs().get(0).clientOrderId());
        Intents intents = new Intents();
        OrderSender sender = new OrderSender(sim, intents, EventSink.NONE);
        List<OrderOutcome> first = sender.sendCombo("spreads", DAY, c);
        assertTrue(first.stream().allMatch(o -> o.kind() == OrderOutcome.Kind.SENT), first.toString());
        assertEquals(2, intents.rows.size());
        assertEquals(new BigDecimal("10140.00"), sim.account().cash());
        // the same day's job again (a restart): looked up, adopted, nothing sent
        List<OrderOutcome> again = sender.sendCombo("spreads", DAY, plan(sim));
        assertTrue(again.stream().allMatch(o -> o.kind() == OrderOutcome.Kind.ALREADY_SENT), again.toString());
        assertEquals(2, sim.positions().size());
        assertEquals(new BigDecimal("10140.00"), sim.account().cash());
    }

    @Test
    void intentsRecordedButNeverSentAreSentOnceAfterARestart() {
        SimBroker sim = broker();
        ComboOrder c = plan(sim);
        Intents intents = new Intents();
        // the process died after recording the legs, before the broker got the order
        c.legs().forEach(l -> intents.insert(l.intent("spreads", DAY)));
        OrderSender sender = new OrderSender(sim, intents, EventSink.NONE);
        List<OrderOutcome> out = sender.sendCombo("spreads", DAY, c);
        assertTrue(out.stream().allMatch(o -> o.kind() == OrderOutcome.Kind.SENT), out.toString());
        assertEquals(OrderStatus.FILLED, intents.rows.get(c.legs().get(1).clientOrderId()).status());
        List<OrderOutcome> again = sender.sendCombo("spreads", DAY, c);
        assertTrue(again.stream().noneMatch(o -> o.kind() == OrderOutcome.Kind.SENT), again.toString());
        assertEquals(new BigDecimal("10140.00"), sim.account().cash(), "filled once, not twice");
    }

    @Test
    void closingTheSpreadOnTheDayItOpenedIsANewOrderNotADuplicateOfTheOpening() {
        SimBroker sim = broker();
        Intents intents = new Intents();
        OrderSender sender = new OrderSender(sim, intents, EventSink.NONE);
        ComboOrder open = plan(sim);
        assertTrue(sender.sendCombo("spreads", DAY, open).stream().allMatch(o -> o.kind() == OrderOutcome.Kind.SENT));
        // ten minutes later the exit check closes it: the same underlying and expiry, the sides reversed
        Map<String, Quote> quotes = Map.of(SHORT, sim.latestQuote(SHORT), LONG, sim.latestQuote(LONG));
        OrderPlan p = new OrderPlanner(RiskSettings.defaults()).plan(new PlanInput("spreads", 1, DAY,
                List.of(new Target(SHORT, 0), new Target(LONG, 0)),
                Map.of(SHORT, -2L, LONG, 2L), 10_000, quotes, true,
                ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET, 0)));
        assertEquals(1, p.combos().size(), p.toString());
        ComboOrder close = p.combos().get(0);
        assertEquals("ld-spreads-v1-20250110-mleg-QQQ-250117-sb", close.clientOrderId());
        List<OrderOutcome> out = sender.sendCombo("spreads", DAY, close);
        assertTrue(out.stream().allMatch(o -> o.kind() == OrderOutcome.Kind.SENT), out.toString());
        assertEquals(0, sim.positions().size(), "flat after the same-day close");
    }
}
