package org.leverdesk.ui.symbols;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.market.data.DataCatalog;
import org.leverdesk.market.data.MarketData;
import org.slf4j.LoggerFactory;

/**
 * The symbols Leverdesk knows: those of the price source (the store, a CSV folder or the demo
 * market), the store's catalog, and the broker's positions and open orders. {@link #known()} is
 * cheap (no broker call: the broker's symbols are read by {@link #refreshBroker()} in the background).
 */
public final class SymbolDirectory {
    private final MarketData prices;
    private final DataCatalog catalog;
    private final Broker broker;
    private volatile Set<String> fromBroker = Set.of();

    /** Any argument may be null when there is no such source. */
    public SymbolDirectory(MarketData prices, DataCatalog catalog, Broker broker) {
        this.prices = prices;
        this.catalog = catalog;
        this.broker = broker;
    }

    /** Every known symbol, sorted. */
    public List<String> known() {
        Set<String> all = new TreeSet<>(fromBroker);
        try {
            if (prices != null) {
                all.addAll(prices.symbols());
            }
            if (catalog != null) {
                catalog.coverage().forEach(c -> all.add(c.symbol()));
            }
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(SymbolDirectory.class).warn("listing symbols failed: {}", e.getMessage());
        }
        return List.copyOf(all);
    }

    /** True when the price source has bars of {@code symbol}. */
    public boolean hasPrices(String symbol) {
        try {
            return prices != null && prices.symbols().contains(symbol);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Reads the broker's symbols (positions, open orders); a blocking call for a background thread. */
    public void refreshBroker() {
        if (broker == null) {
            return;
        }
        Set<String> out = new TreeSet<>();
        try {
            broker.positions().forEach(p -> out.add(p.symbol()));
            broker.openOrders().forEach(o -> out.add(o.symbol()));
            fromBroker = Set.copyOf(out);
        } catch (BrokerException e) {
            LoggerFactory.getLogger(SymbolDirectory.class).warn("reading the broker's symbols failed: {}", e.getMessage());
        }
    }

    /**
     * Symbols matching {@code text}: those starting with it first, then those containing it; at most
     * {@code limit}. An upper-cased ticker typed that nobody knows yet is offered as itself, so a
     * symbol can still be looked up at the broker.
     */
    public List<String> search(String text, int limit) {
        String q = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        List<String> all = known();
        List<String> out = new ArrayList<>();
        all.stream().filter(s -> s.startsWith(q)).forEach(out::add);
        all.stream().filter(s -> !s.startsWith(q) && s.contains(q)).forEach(out::add);
        if (!q.isEmpty() && !out.contains(q) && q.matches("[A-Z][A-Z0-9.]{0,9}")) {
            out.add(q);
        }
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }
}
