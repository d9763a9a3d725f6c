package org.leverdesk.ui.rotation;

import java.util.Locale;
import org.leverdesk.strategy.rotation.PlannedTarget;
import org.leverdesk.ui.common.Formats;

/** One planned target against the portfolio, formatted for display: held, target, delta, the close in dollars and why it differs. */
public record PlanRow(String symbol, String weight, String held, String target, String delta, String price, String note) {
    static PlanRow of(PlannedTarget p) {
        String delta = p.delta() == 0 ? "—" : (p.delta() > 0 ? "BUY " + p.delta() : "SELL " + (-p.delta()));
        return new PlanRow(p.symbol(), String.format(Locale.ROOT, "%.1f%%", p.weight() * 100), Long.toString(p.held()),
                Long.toString(p.target()), delta, Formats.price(p.price()), p.note());
    }
}
