package org.leverdesk.ui.orders;

import java.math.BigDecimal;
import org.leverdesk.ui.common.Formats;

/** Quantities and order prices as the order tables show them. */
final class OrdersFormats {
    private OrdersFormats() {
    }

    /** 120.000000 → "120"; 0.5 → "0.5". */
    static String quantity(BigDecimal q) {
        return q == null ? Formats.MISSING : q.stripTrailingZeros().toPlainString();
    }

    /** "limit 51.26", "stop 48.00", both, or the missing mark for a market order. */
    static String prices(BigDecimal limit, BigDecimal stop) {
        if (limit == null && stop == null) {
            return Formats.MISSING;
        }
        String l = limit == null ? "" : "limit " + Formats.price(limit.doubleValue());
        String s = stop == null ? "" : "stop " + Formats.price(stop.doubleValue());
        return (l + " " + s).strip();
    }
}
