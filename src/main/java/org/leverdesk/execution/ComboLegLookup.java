package org.leverdesk.execution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.store.StoredOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a stored leg of a multi-leg order at a broker that names the legs itself (Alpaca gives each leg its own client
 * order id, so a leg's id finds nothing there): through the parent's deterministic client order id (the strategy, its
 * version read from the leg's id, the trading day and the combo's name before the "/" of the stored leg) and
 * {@link Broker#multiLegLegs}, with the legs stored beside it. Without this a reconcile took a resting combo's legs for
 * orders the broker never had and marked them rejected while the broker could still fill them.
 */
final class ComboLegLookup {
    private static final Logger LOG = LoggerFactory.getLogger(ComboLegLookup.class);

    private final Broker broker;
    private final List<StoredOrder> stored;
    private final Map<String, List<BrokerOrder>> byParent = new HashMap<>();

    /** @param stored the orders the legs' siblings are among (the store's orders that are not final) */
    ComboLegLookup(Broker broker, List<StoredOrder> stored) {
        this.broker = broker;
        this.stored = stored;
    }

    /** The broker's view of {@code leg} when it is a stored leg of a multi-leg order the broker has, else empty. */
    Optional<BrokerOrder> find(StoredOrder leg) {
        String name = leg.intent().leg();
        int slash = name == null ? -1 : name.indexOf('/');
        if (slash < 0 || !name.startsWith("mleg-")) {
            return Optional.empty();
        }
        String combo = name.substring(0, slash + 1);
        OptionalInt version = ClientOrderIds.version(leg.intent().strategyId(), leg.intent().clientOrderId());
        if (version.isEmpty()) {
            return Optional.empty();
        }
        String parent = ClientOrderIds.of(leg.intent().strategyId(), version.getAsInt(), leg.intent().tradingDay(),
                name.substring(0, slash));
        List<BrokerOrder> legs = byParent.computeIfAbsent(parent, p -> lookUp(p, leg, combo));
        return legs.stream().filter(b -> leg.intent().clientOrderId().equals(b.clientOrderId())).findFirst();
    }

    private List<BrokerOrder> lookUp(String parent, StoredOrder leg, String combo) {
        List<OrderRequest> legs = new ArrayList<>();
        for (StoredOrder s : stored) {
            var i = s.intent();
            if (i.strategyId().equals(leg.intent().strategyId()) && i.tradingDay().equals(leg.intent().tradingDay())
                    && i.leg() != null && i.leg().startsWith(combo)) {
                legs.add(new OrderRequest(i.clientOrderId(), i.symbol(), i.side(), i.quantity(), OrderType.MARKET, TimeInForce.DAY,
                        null, null));
            }
        }
        try {
            return broker.multiLegLegs(new MultiLegOrderRequest(parent, legs, OrderType.MARKET, TimeInForce.DAY, null));
        } catch (BrokerException | IllegalArgumentException e) {
            LOG.warn("looking up multi-leg {} for its leg {} failed ({})", parent, leg.intent().clientOrderId(), e.getMessage());
            return List.of();
        }
    }
}
