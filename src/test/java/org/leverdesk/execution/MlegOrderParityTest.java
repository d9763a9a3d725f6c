package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.Quote;
import org.leverdesk.broker.alpaca.AlpacaBroker;
import org.leverdesk.broker.alpaca.FakeAlpacaServer;
import org.leverdesk.broker.sim.CommissionModel;
import org.leverdesk.broker.sim.SimBroker;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.domain.Target;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.risk.EventSink;
import org.leverdesk.strategy.ExecutionPolicy;

/**
 * The same decision on the same chain makes the same multi-leg order on Alpaca and on SimBroker (the backtest's
 * broker): the spreads strategy's bull put targets, planned against each broker's quotes of the same contracts, give
 * one equal {@link ComboOrder} (parent and leg client order ids, sides, quantities); Alpaca receives it as one
 * {@code mleg} order with those ids, ratios in lowest terms and opening intents, and both brokers fill it all legs at
 * once at the same net credit. Then the closing decision makes equal closing combos, filled at the same net debit.
 * Why this and not a simulated month on both: Alpaca's chain (the fake's snapshots, set by the test) and the
 * backtest's synthetic chain (priced from VXN) are different chains by construction (README, "Options on Alpaca").
 * (The order path over a simulated month, with the fake quoting the synthetic chain: AlpacaSpreadParityReplayTest.)
 */
class MlegOrderParityTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 4);
    private static final LocalDate EXPIRY = LocalDate.of(2026, 3, 20);
    private static final String SHORT = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "480").occSymbol();
    private static final String LONG = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "475").occSymbol();

    private static ComboOrder plan(Broker broker, LocalDate day, List<Target> targets, Map<String, Long> held) {
        Map<String, Quote> quotes = Map.of(SHORT, broker.latestQuote(SHORT), LONG, broker.latestQuote(LONG));
        OrderPlan p = new OrderPlanner(RiskSettings.defaults()).plan(new PlanInput("spreads", 1, day, targets, held,
                100_000, quotes, true, ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET, 0)));
        assertEquals(List.of(), p.orders(), "no leg goes out as a single order");
        assertEquals(1, p.combos().size(), p.toString());
        return p.combos().get(0);
    }

    private static BigDecimal held(Broker b, String symbol) {
        return b.positions().stream().filter(p -> p.symbol().equals(symbol)).map(BrokerPosition::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void sent(List<OrderOutcome> out) {
        assertTrue(out.stream().allMatch(o -> o.kind() == OrderOutcome.Kind.SENT), out.toString());
    }

    @Test
    void theSameSpreadDecisionIsTheSameMlegOrderOnAlpacaAndOnSimBroker() {
        try (FakeAlpacaServer server = FakeAlpacaServer.start(); AlpacaBroker alpaca = AlpacaBroker.create(server.settings())) {
            server.setQuote("QQQ", 489.99, 490.01);
            server.setQuote(SHORT, 2.00, 2.10);
            server.setQuote(LONG, 1.20, 1.30);
            SimBroker sim = new SimBroker("sim", new BigDecimal("100000.00"), CommissionModel.FREE, new NyseCalendar(),
                    server.now(), true);
            // The same chain: SimBroker quotes what Alpaca's options data API answers for the two contracts.
            for (String s : List.of(SHORT, LONG)) {
                Quote q = alpaca.latestQuote(s);
                sim.setQuote(s, q.bid(), q.ask(), sim.now());
            }
            List<Target> open = List.of(new Target(SHORT, -2, 0), new Target(LONG, 2, 0));
            ComboOrder onAlpaca = plan(alpaca, DAY, open, Map.of());
            ComboOrder onSim = plan(sim, DAY, open, Map.of());
            assertEquals(onSim, onAlpaca);
            assertEquals("ld-spreads-v1-20260304-mleg-QQQ-260320-bs", onAlpaca.clientOrderId());

            sent(new OrderSender(alpaca, new ComboOrderSendTest.Intents(), EventSink.NONE).sendCombo("spreads", DAY, onAlpaca));
            sent(new OrderSender(sim, new ComboOrderSendTest.Intents(), EventSink.NONE).sendCombo("spreads", DAY, onSim));
            server.settle();

            JsonNode body = server.orderBodies().get(server.orderBodies().size() - 1);
            assertEquals("mleg", body.path("order_class").asText());
            assertEquals(onAlpaca.clientOrderId(), body.path("client_order_id").asText());
            assertEquals("2", body.path("qty").asText());
            assertEquals(2, body.path("legs").size());
            assertEquals("QQQ260320P00480000 sell 1 sell_to_open", leg(body.path("legs").get(0)));
            assertEquals("QQQ260320P00475000 buy 1 buy_to_open", leg(body.path("legs").get(1)));
            // Both filled all legs at the quotes: a credit of (2.00 − 1.30) × 100 × 2 = $140.
            assertEquals(0, new BigDecimal("100140").compareTo(alpaca.account().cash()));
            assertEquals(0, new BigDecimal("100140").compareTo(sim.account().cash()));
            for (String s : List.of(SHORT, LONG)) {
                assertEquals(0, held(sim, s).compareTo(held(alpaca, s)), s);
            }

            // The next session's closing decision: flat in both legs, bought back at 1.50/1.60 and sold at 0.80/0.90.
            LocalDate next = DAY.plusDays(1);
            server.advanceTo(next, java.time.LocalTime.of(10, 0));
            sim.setTime(server.now());
            server.setQuote(SHORT, 1.50, 1.60);
            server.setQuote(LONG, 0.80, 0.90);
            sim.setQuote(SHORT, 1.50, 1.60, sim.now());
            sim.setQuote(LONG, 0.80, 0.90, sim.now());
            List<Target> close = List.of(new Target(SHORT, 0, 0), new Target(LONG, 0, 0));
            Map<String, Long> positions = Map.of(SHORT, -2L, LONG, 2L);
            ComboOrder closeAlpaca = plan(alpaca, next, close, positions);
            assertEquals(plan(sim, next, close, positions), closeAlpaca);
            sent(new OrderSender(alpaca, new ComboOrderSendTest.Intents(), EventSink.NONE).sendCombo("spreads", next, closeAlpaca));
            sent(new OrderSender(sim, new ComboOrderSendTest.Intents(), EventSink.NONE).sendCombo("spreads", next, closeAlpaca));
            server.settle();
            JsonNode closing = server.orderBodies().get(server.orderBodies().size() - 1);
            assertEquals(closeAlpaca.clientOrderId(), closing.path("client_order_id").asText());
            assertEquals(List.of("QQQ260320P00475000 sell 1 sell_to_close", "QQQ260320P00480000 buy 1 buy_to_close"),
                    java.util.stream.StreamSupport.stream(closing.path("legs").spliterator(), false)
                            .map(MlegOrderParityTest::leg).sorted().toList());
            // A debit of (1.60 − 0.80) × 100 × 2 = $160: $100,140 − 160.
            assertEquals(0, new BigDecimal("99980").compareTo(alpaca.account().cash()));
            assertEquals(0, new BigDecimal("99980").compareTo(sim.account().cash()));
            assertTrue(sim.positions().isEmpty() && alpaca.positions().isEmpty(), sim.positions() + " " + alpaca.positions());
        }
    }

    private static String leg(JsonNode leg) {
        return leg.path("symbol").asText() + " " + leg.path("side").asText() + " " + leg.path("ratio_qty").asText() + " "
                + leg.path("position_intent").asText();
    }
}
