package org.leverdesk.ui.orders;

import java.time.ZoneId;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.ui.common.Formats;

/** One open order, formatted, with the broker id the Cancel button needs. */
public record OpenOrderRow(String brokerOrderId, String clientOrderId, String symbol, String side, String quantity,
                           String type, String price, String status, String submitted) {
    static OpenOrderRow of(BrokerOrder o, ZoneId zone) {
        String filled = o.filledQuantity() == null || o.filledQuantity().signum() == 0 ? ""
                : " (" + OrdersFormats.quantity(o.filledQuantity()) + " filled)";
        return new OpenOrderRow(o.brokerOrderId(), o.clientOrderId(), o.symbol(), o.side().name(),
                OrdersFormats.quantity(o.quantity()) + filled, o.type().name() + " " + o.timeInForce().name(),
                OrdersFormats.prices(o.limitPrice(), o.stopPrice()), o.status().name(), Formats.dateTime(o.submittedAt(), zone));
    }
}
