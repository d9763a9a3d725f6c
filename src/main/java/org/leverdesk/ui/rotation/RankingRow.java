package org.leverdesk.ui.rotation;

import java.util.Locale;
import org.leverdesk.strategy.rotation.RotationAnalysis;

/** One row of a sleeve's ranking table, formatted for display. */
public record RankingRow(String ticker, String sharpe, String weight, boolean held) {
    static RankingRow of(RotationAnalysis.RankRow r) {
        return new RankingRow(r.ticker(), String.format(Locale.ROOT, "%.2f", r.sharpe()),
                r.weight() > 0 ? String.format(Locale.ROOT, "%.1f%%", r.weight() * 100) : "—", r.weight() > 0);
    }
}
