package org.leverdesk.execution;

import org.slf4j.LoggerFactory;

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
        return upTo(data, symbols, Set.of(), today);
    }

    /**
     * Like {@link #upTo(MarketData, Set, LocalDate)} plus {@code optional} symbols (a rotation's
     * universe): each is added with its bars up to the snapshot's day when it has any, and left out
     * when it has none or cannot be read; the strategy names what it skipped. They never move the
     * snapshot's day.
     */
    public static MarketSnapshot upTo(MarketData data, Set<String> symbols, Set<String> optional, LocalDate today) {
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
        for (String symbol : new TreeSet<>(optional)) {
            if (histories.containsKey(symbol)) {
                continue;
            }
            try {
                BarSeries s = data.barsUpTo(symbol, day);
                if (!s.isEmpty()) {
                    histories.put(symbol, new History(s, s.indexAtOrBefore(day)));
                }
            } catch (RuntimeException e) {
                // An optional symbol that cannot be read is skipped like one never imported.
                LoggerFactory.getLogger(MarketSnapshots.class).info("skipping optional symbol {}: {}", symbol, e.getMessage());
            }
        }
        return new MarketSnapshot(day, histories);
    }
}
