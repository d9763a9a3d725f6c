package org.leverdesk.execution;

import java.util.List;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.TimeInForce;

/**
 * The option orders of one decision on one underlying and expiry (a spread, a condor, or the close of one),
 * sent as one multi-leg order that fills all-or-none. {@code clientOrderId} is the parent's deterministic id;
 * each leg keeps its own (the store records one intent per leg, its {@code leg} naming the parent's).
 */
public record ComboOrder(String clientOrderId, List<PlannedOrder> legs, String reason) {
    public ComboOrder {
        legs = List.copyOf(legs);
    }

    /** The request the broker receives: a market combo, DAY. */
    public MultiLegOrderRequest request() {
        return new MultiLegOrderRequest(clientOrderId, legs.stream().map(PlannedOrder::request).toList(), OrderType.MARKET,
                TimeInForce.DAY, null);
    }

    /** "mleg ld-…: sell 1 QQQ … / buy 1 QQQ …" for people. */
    public String text() {
        return "multi-leg " + clientOrderId + ": " + String.join(" / ", legs.stream().map(PlannedOrder::text).toList());
    }
}
