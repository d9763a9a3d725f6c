package org.leverdesk.ui.orders;

import java.time.ZoneId;
import org.leverdesk.store.OrderIntent;
import org.leverdesk.store.StoredOrder;
import org.leverdesk.ui.common.Formats;

/** One stored order of the history table, formatted. */
public record HistoryRow(String created, String strategy, String clientOrderId, String symbol, String side, String quantity,
                         String type, String price, String status, String brokerOrderId) {
    static HistoryRow of(StoredOrder o, ZoneId zone) {
        OrderIntent i = o.intent();
        return new HistoryRow(Formats.dateTime(o.createdAt(), zone), i.strategyId(), i.clientOrderId(), i.symbol(), i.side().name(),
                OrdersFormats.quantity(i.quantity()), i.type().name() + " " + i.timeInForce().name(),
                OrdersFormats.prices(i.limitPrice(), i.stopPrice()), o.status().name(),
                o.brokerOrderId() == null ? Formats.MISSING : o.brokerOrderId());
    }
}
