package org.leverdesk.ui.orders;

import java.math.BigDecimal;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.ui.common.Formats;

/** One line of the positions table, formatted; {@code profit} keeps its sign for the colour. */
public record PositionRow(String symbol, String quantity, String averagePrice, String price, String marketValue,
                          String profitText, String profitPercent, double profit) {
    static PositionRow of(BrokerPosition p) {
        double pnl = p.unrealizedProfit().doubleValue();
        BigDecimal cost = p.averageEntryPrice().multiply(p.quantity()).abs();
        double pct = cost.signum() == 0 ? Double.NaN : pnl / cost.doubleValue();
        return new PositionRow(p.symbol(), OrdersFormats.quantity(p.quantity()), Formats.price(p.averageEntryPrice().doubleValue()),
                Formats.price(p.currentPrice().doubleValue()), Formats.money(p.marketValue().doubleValue()), Formats.money(pnl),
                Formats.percent(pct), pnl);
    }
}
