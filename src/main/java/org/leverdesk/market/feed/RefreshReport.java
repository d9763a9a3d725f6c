package org.leverdesk.market.feed;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What one refresh did, symbol by symbol, from which feed and at what time. */
public record RefreshReport(String feed, Instant at, List<SymbolRefresh> symbols) {
    public RefreshReport {
        symbols = List.copyOf(symbols);
    }

    /** True when every symbol is as current as the feed allows. */
    public boolean ok() {
        return symbols.stream().allMatch(SymbolRefresh::ok);
    }

    /** The one-line messages of the symbols that are not current (refused, failed, no data). */
    public List<String> problems() {
        return symbols.stream().filter(s -> !s.ok()).map(SymbolRefresh::message).toList();
    }

    /** Final bars written over all symbols. */
    public int barsWritten() {
        return symbols.stream().mapToInt(SymbolRefresh::written).sum();
    }

    /** "16 symbols from Alpaca market data (iex feed): 3 updated, 12 up to date, 1 no data; 9 final bars written". */
    public String summary() {
        Map<SymbolRefresh.Status, Long> by = new EnumMap<>(SymbolRefresh.Status.class);
        symbols.forEach(s -> by.merge(s.status(), 1L, Long::sum));
        String counts = by.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
        long provisional = symbols.stream().filter(s -> s.provisionalDate() != null).count();
        return symbols.size() + (symbols.size() == 1 ? " symbol" : " symbols") + " from " + feed + ": "
                + (counts.isEmpty() ? "nothing to do" : counts) + "; " + barsWritten() + " final bars written"
                + (provisional > 0 ? ", " + provisional + " provisional" : "");
    }
}
