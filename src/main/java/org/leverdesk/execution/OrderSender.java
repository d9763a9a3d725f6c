package org.leverdesk.execution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.DuplicateClientOrderIdException;
import org.leverdesk.broker.OrderRejectedException;
import org.leverdesk.common.JsonText;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.risk.EventSink;
import org.leverdesk.store.DuplicateOrderException;
import org.leverdesk.store.StoreException;
import org.leverdesk.store.StoredOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one planned order crash-safely:
 * <ul>
 *   <li>the intent is recorded (status NEW) before the order is sent; an intent already recorded (the
 *       same day's job run twice) is never sent again, only its status is refreshed — unless the broker
 *       never saw it (recorded, then the process died), when it is sent once under the same id;</li>
 *   <li>after a timeout or any unclear failure the order is looked up by its client order id, never
 *       re-sent; a duplicate client order id adopts the broker's order.</li>
 * </ul>
 */
final class OrderSender {
    private static final Logger LOG = LoggerFactory.getLogger(OrderSender.class);

    private final Broker broker;
    private final IntentLog intents;
    private final EventSink journal;

    OrderSender(Broker broker, IntentLog intents, EventSink journal) {
        this.broker = broker;
        this.intents = intents;
        this.journal = journal;
    }

    /** Records the intent of {@code o} (decided on {@code day}), then sends it; journals the outcome. */
    OrderOutcome send(String strategyId, LocalDate day, PlannedOrder o) {
        OrderOutcome out = sendOnce(strategyId, day, o);
        if (intents != IntentLog.NONE) {
            journal.append("order", strategyId, o.clientOrderId() + " " + o.text() + ": " + out.kind() + " - " + out.detail(),
                    JsonText.of(Map.of("clientOrderId", o.clientOrderId(), "kind", out.kind().name())));
        }
        return out;
    }

    /**
     * Records the intent of every leg of {@code c}, then sends it as one multi-leg order. Restart rules per leg:
     * legs already recorded are looked up by their client order ids and adopted when the broker has them;
     * when the broker has none of them and all are still NEW (recorded, then the process died), the order is
     * sent once under the same ids. A leg is never sent alone.
     */
    List<OrderOutcome> sendCombo(String strategyId, LocalDate day, ComboOrder c) {
        List<OrderOutcome> out = sendComboOnce(strategyId, day, c);
        if (intents != IntentLog.NONE) {
            for (OrderOutcome o : out) {
                journal.append("order", strategyId, o.order().clientOrderId() + " " + o.order().text() + " (multi-leg "
                        + c.clientOrderId() + "): " + o.kind() + " - " + o.detail(), JsonText.of(Map.of("clientOrderId",
                        o.order().clientOrderId(), "parentClientOrderId", c.clientOrderId(), "kind", o.kind().name())));
            }
        }
        return out;
    }

    private List<OrderOutcome> sendComboOnce(String strategyId, LocalDate day, ComboOrder c) {
        boolean anyRecorded = false;
        boolean allNew = true;
        for (PlannedOrder leg : c.legs()) {
            Optional<StoredOrder> s = intents.find(leg.clientOrderId());
            anyRecorded |= s.isPresent();
            allNew &= s.isEmpty() || s.get().status() == OrderStatus.NEW;
            if (s.isEmpty()) {
                try {
                    intents.insert(leg.intent(strategyId, day));
                } catch (DuplicateOrderException e) {
                    anyRecorded = true;
                }
            }
        }
        if (anyRecorded) {
            List<OrderOutcome> found = lookUpLegs(c, OrderOutcome.Kind.ALREADY_SENT, "already recorded; not sent again");
            boolean brokerHasNone = found.stream().allMatch(o -> o.kind() == OrderOutcome.Kind.UNKNOWN);
            if (!brokerHasNone || !allNew) {
                return found;
            }
            // Recorded, then the process died before the broker got it: send it now, once, under the same ids.
        }
        try {
            List<BrokerOrder> legs = broker.submitMultiLeg(c.request());
            List<OrderOutcome> out = new ArrayList<>();
            for (PlannedOrder leg : c.legs()) {
                BrokerOrder b = legs.stream().filter(x -> leg.clientOrderId().equals(x.clientOrderId())
                        || leg.symbol().equals(x.symbol())).findFirst().orElse(null);
                out.add(b == null ? new OrderOutcome(leg, OrderOutcome.Kind.UNKNOWN, OrderStatus.NEW, null,
                        "the broker's answer to multi-leg " + c.clientOrderId() + " has no leg " + leg.symbol())
                        : adopt(leg, b, OrderOutcome.Kind.SENT, "sent as multi-leg " + c.clientOrderId() + ", broker order "
                        + b.brokerOrderId()));
            }
            return out;
        } catch (DuplicateClientOrderIdException e) {
            return lookUpLegs(c, OrderOutcome.Kind.ADOPTED, "the broker already had " + c.clientOrderId());
        } catch (OrderRejectedException e) {
            List<OrderOutcome> out = new ArrayList<>();
            for (PlannedOrder leg : c.legs()) {
                StoredOrder s = update(leg.clientOrderId(), OrderStatus.REJECTED, null, null, null,
                        "rejected by the broker: " + e.getMessage());
                out.add(new OrderOutcome(leg, OrderOutcome.Kind.REJECTED, s == null ? OrderStatus.REJECTED : s.status(), null,
                        "multi-leg " + c.clientOrderId() + " rejected by the broker: " + e.getMessage()));
            }
            return out;
        } catch (BrokerException e) {
            LOG.warn("sending multi-leg {} failed ({}); looking its legs up instead of sending again", c.clientOrderId(),
                    e.getMessage());
            return lookUpLegs(c, OrderOutcome.Kind.RECOVERED, "send failed (" + e.getMessage() + ")");
        }
    }

    private List<OrderOutcome> lookUpLegs(ComboOrder c, OrderOutcome.Kind found, String why) {
        // The broker's own view of the parent first: Alpaca names the legs itself, so only the parent's id finds them.
        List<BrokerOrder> known;
        try {
            known = broker.multiLegLegs(c.request());
        } catch (BrokerException e) {
            LOG.warn("looking up multi-leg {} failed ({}); looking its legs up one by one", c.clientOrderId(), e.getMessage());
            known = List.of();
        }
        List<OrderOutcome> out = new ArrayList<>();
        for (PlannedOrder leg : c.legs()) {
            String w = why + " (multi-leg " + c.clientOrderId() + ")";
            Optional<BrokerOrder> b = known.stream().filter(x -> leg.clientOrderId().equals(x.clientOrderId())).findFirst();
            out.add(b.isPresent() ? adopt(leg, b.get(), found, w + "; found broker order " + b.get().brokerOrderId())
                    : lookUp(leg, found, w));
        }
        return out;
    }

    /**
     * Records the intent of {@code o} without sending it (a market-on-open order decided while Alpaca
     * refuses them): {@link #send} sends it later, once, under the same client order id.
     */
    OrderOutcome hold(String strategyId, LocalDate day, PlannedOrder o, String why) {
        Optional<StoredOrder> existing = intents.find(o.clientOrderId());
        if (existing.isPresent() && existing.get().status() != OrderStatus.NEW) {
            return refresh(o, existing.get());
        }
        if (existing.isEmpty()) {
            try {
                intents.insert(o.intent(strategyId, day));
            } catch (DuplicateOrderException e) {
                // Another run recorded it meanwhile: it is held (or sent) by that run.
            }
        }
        OrderOutcome out = new OrderOutcome(o, OrderOutcome.Kind.HELD, OrderStatus.NEW, null, why);
        if (intents != IntentLog.NONE) {
            journal.append("order", strategyId, o.clientOrderId() + " " + o.text() + ": HELD - " + why,
                    JsonText.of(Map.of("clientOrderId", o.clientOrderId(), "kind", out.kind().name())));
        }
        return out;
    }

    private OrderOutcome sendOnce(String strategyId, LocalDate day, PlannedOrder o) {
        String cid = o.clientOrderId();
        Optional<StoredOrder> existing = intents.find(cid);
        if (existing.isPresent()) {
            return refresh(o, existing.get());
        }
        try {
            intents.insert(o.intent(strategyId, day));
        } catch (DuplicateOrderException e) {
            // Another run recorded it between our look-up and insert: it owns the send.
            return refresh(o, intents.find(cid).orElseThrow(() -> e));
        }
        return submit(o, "sent");
    }

    /**
     * Sends a recorded intent. Safe to repeat for an intent the broker never saw: the client order id
     * is the same, so a broker that did get it after all refuses the copy and the order is adopted.
     */
    private OrderOutcome submit(PlannedOrder o, String verb) {
        String cid = o.clientOrderId();
        try {
            BrokerOrder b = broker.submit(o.request());
            return adopt(o, b, OrderOutcome.Kind.SENT, verb + ", broker order " + b.brokerOrderId());
        } catch (DuplicateClientOrderIdException e) {
            return lookUp(o, OrderOutcome.Kind.ADOPTED, "the broker already had " + cid);
        } catch (OrderRejectedException e) {
            StoredOrder s = update(cid, OrderStatus.REJECTED, null, null, null, "rejected by the broker: " + e.getMessage());
            return new OrderOutcome(o, OrderOutcome.Kind.REJECTED, s == null ? OrderStatus.REJECTED : s.status(), null,
                    "rejected by the broker: " + e.getMessage());
        } catch (BrokerException e) {
            LOG.warn("sending {} failed ({}); looking it up instead of sending again", cid, e.getMessage());
            return lookUp(o, OrderOutcome.Kind.RECOVERED, "send failed (" + e.getMessage() + ")");
        }
    }

    /** The outcome is unclear: find the order by client id; never send it again. */
    private OrderOutcome lookUp(PlannedOrder o, OrderOutcome.Kind found, String why) {
        String cid = o.clientOrderId();
        try {
            Optional<BrokerOrder> b = broker.orderByClientOrderId(cid);
            if (b.isPresent()) {
                return adopt(o, b.get(), found, why + "; found broker order " + b.get().brokerOrderId());
            }
            return new OrderOutcome(o, OrderOutcome.Kind.UNKNOWN, OrderStatus.NEW, null, why
                    + "; the broker has no order " + cid + " yet; left NEW: the next run sends it once under the same id");
        } catch (BrokerException e) {
            return new OrderOutcome(o, OrderOutcome.Kind.UNKNOWN, OrderStatus.NEW, null, why + "; look-up failed too ("
                    + e.getMessage() + "); left NEW: the next run sends it once under the same id");
        }
    }

    private OrderOutcome refresh(PlannedOrder planned, StoredOrder stored) {
        // The recorded intent is the order: a restart sends what was recorded (its quantity and limit price),
        // never a re-plan on newer quotes under the same client order id.
        PlannedOrder o = planned.sameAs(stored.intent()) ? planned : PlannedOrder.of(stored.intent(), planned.reason()
                + "; as recorded (" + PlannedOrder.of(stored.intent(), "").text() + "), not as planned now (" + planned.text() + ")");
        String why = "already recorded as " + stored.status() + "; not sent again";
        if (stored.status().isFinal()) {
            return new OrderOutcome(o, OrderOutcome.Kind.ALREADY_SENT, stored.status(), stored.brokerOrderId(), why);
        }
        try {
            Optional<BrokerOrder> b = broker.orderByClientOrderId(o.clientOrderId());
            if (b.isPresent()) {
                return adopt(o, b.get(), OrderOutcome.Kind.ALREADY_SENT, why + "; broker says " + b.get().status());
            }
            if (stored.status() == OrderStatus.NEW) {
                // Recorded, then the process died (or the send failed) before the broker got it: send it now, once.
                return submit(o, "recorded earlier but never reached the broker; sent now");
            }
        } catch (BrokerException e) {
            why += "; status not refreshed (" + e.getMessage() + ")";
        }
        return new OrderOutcome(o, OrderOutcome.Kind.ALREADY_SENT, stored.status(), stored.brokerOrderId(), why);
    }

    private OrderOutcome adopt(PlannedOrder o, BrokerOrder b, OrderOutcome.Kind kind, String detail) {
        // The store's NEW means "not yet at the broker"; an order the broker holds is at least SUBMITTED.
        OrderStatus status = b.status() == OrderStatus.NEW ? OrderStatus.SUBMITTED : b.status();
        StoredOrder s = update(o.clientOrderId(), status, b.brokerOrderId(), b.filledQuantity(), b.filledAveragePrice(),
                b.rejectReason());
        return new OrderOutcome(o, kind, s == null ? status : s.status(), b.brokerOrderId(), detail);
    }

    private StoredOrder update(String cid, OrderStatus status, String brokerOrderId, java.math.BigDecimal filled,
                               java.math.BigDecimal average, String reason) {
        try {
            return intents.record(cid, status, brokerOrderId, filled, average, reason);
        } catch (StoreException e) {
            // A stale or conflicting broker report must not stop the run; the journal keeps it for a person.
            journal.append("reconcile", null, cid + ": " + e.getMessage(), null);
            LOG.warn("{}", e.getMessage());
            return null;
        }
    }
}
