package org.leverdesk.execution;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.History;
import org.leverdesk.domain.MarketSnapshot;
import org.leverdesk.market.data.MarketData;

/** Builds a live decision's market snapshot: each symbol's bars up to the last session every symbol has. */
public final class MarketSnapshots {
    private MarketSnapshots() {
    }

    /**
     * The snapshot of {@code symbols} as of the latest day on or before {@code today} that all of them
     * have a bar for (so no history shows a later bar than another); throws a one-line error when a
     * symbol has no bars.
     */
    public static MarketSnapshot upTo(MarketData data, Set<String> symbols, LocalDate today) {
        Map<String, BarSeries> series = new HashMap<>();
        LocalDate day = null;
        for (String symbol : new TreeSet<>(symbols)) {
            BarSeries s = data.barsUpTo(symbol, today);
            if (s.isEmpty()) {
                throw new IllegalArgumentException("no " + symbol + " bars on or before " + today + " in "
                        + data.sourceLabel() + "; import " + symbol + " prices first");
            }
            series.put(symbol, s);
            day = day == null || s.lastDate().isBefore(day) ? s.lastDate() : day;
        }
        if (day == null) {
            throw new IllegalArgumentException("a strategy without symbols cannot be run");
        }
        Map<String, History> histories = new HashMap<>();
        for (Map.Entry<String, BarSeries> e : series.entrySet()) {
            histories.put(e.getKey(), new History(e.getValue(), e.getValue().indexAtOrBefore(day)));
        }
        return new MarketSnapshot(day, histories);
    }
}
