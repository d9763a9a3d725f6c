package org.leverdesk.ui.backtest;

import java.util.ArrayList;
import java.util.List;
import org.leverdesk.backtest.OptionResults;
import org.leverdesk.backtest.OptionSummary;
import org.leverdesk.ui.common.Formats;

/**
 * The metrics table's rows for a run that traded options: premium collected, assignments, call-aways, expiries,
 * the P&L split into premium and stock (the numbers {@code backtest} prints, from {@link OptionResults}), and for
 * spreads and condors the exits by kind and the gates that refused entries most often. None for other runs.
 */
final class OptionRows {
    /** Gates listed by name in the table; the rest are summed into one row. */
    static final int GATES_SHOWN = 3;

    private OptionRows() {
    }

    static List<MetricRow> of(OptionResults o) {
        if (!o.any()) {
            return List.of();
        }
        OptionSummary s = o.summary();
        List<MetricRow> rows = new ArrayList<>();
        rows.add(row("Premium collected", Formats.money(s.premiumCollected())));
        if (s.premiumPaid() != 0) {
            rows.add(row("Premium paid", Formats.money(s.premiumPaid())));
        }
        rows.add(row("Puts assigned", Formats.count(s.putAssignments())));
        rows.add(row("Called away", Formats.count(s.callAssignments())));
        rows.add(row("Expired worthless", Formats.count(s.expiredWorthless())));
        rows.add(row("Premium P&L", Double.isNaN(o.premiumPnl()) ? Formats.money(o.optionCash()) + " + open options (not marked)"
                : Formats.money(o.premiumPnl())));
        rows.add(row("Stock P&L (incl. dividends)", Double.isNaN(o.stockPnl()) ? Formats.MISSING : Formats.money(o.stockPnl())));
        int opened = o.count(OptionResults.Kind.SPREAD_OPENED);
        if (opened > 0) {
            rows.add(row("Spreads opened", Formats.count(opened)));
            for (String kind : new String[] {"stop", "profit take", "short strike", "close before expiry"}) {
                rows.add(row("Exits: " + kind, Formats.count(o.exits().getOrDefault(kind, 0))));
            }
        }
        int listed = 0;
        int rest = 0;
        for (var e : o.refusals().entrySet()) {
            if (listed++ < GATES_SHOWN) {
                rows.add(row("Refused by " + e.getKey(), Formats.count(e.getValue()) + " days"));
            } else {
                rest += e.getValue();
            }
        }
        if (rest > 0) {
            rows.add(row("Refused by other gates", Formats.count(rest) + " days"));
        }
        return rows;
    }

    private static MetricRow row(String name, String value) {
        return new MetricRow(name, value, Formats.MISSING);
    }
}
