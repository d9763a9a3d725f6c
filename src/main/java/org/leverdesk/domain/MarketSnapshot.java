package org.leverdesk.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** What the market looked like at {@link #asOf()}: each symbol's bars up to that day and no further. */
public final class MarketSnapshot {
    // Moves forward with a ReplayCursor; fixed otherwise.
    private LocalDate asOf;
    private final Map<String, History> histories;

    public MarketSnapshot(LocalDate asOf, Map<String, History> histories) {
        this.asOf = asOf;
        this.histories = Map.copyOf(histories);
    }

    void moveTo(LocalDate day) {
        asOf = day;
    }

    public LocalDate asOf() { return asOf; }
    public Set<String> symbols() { return histories.keySet(); }
    public boolean has(String symbol) { return histories.containsKey(symbol); }

    /** The visible history of {@code symbol}; throws a clear error when the symbol was not loaded. */
    public History history(String symbol) {
        History h = histories.get(symbol);
        if (h == null) {
            throw new IllegalArgumentException("no price data for " + symbol + " in this snapshot (have " + histories.keySet() + ")");
        }
        return h;
    }
}
