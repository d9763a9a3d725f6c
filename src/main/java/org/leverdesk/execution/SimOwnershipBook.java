package org.leverdesk.execution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.PositionOwnership;
import org.leverdesk.broker.sim.SimBroker;
import org.leverdesk.broker.sim.SimFill;
import org.leverdesk.broker.sim.SimOptionEvent;
import org.leverdesk.options.contract.OptionSymbols;
import org.leverdesk.domain.EntryAverage;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.domain.Side;

/**
 * Contract-level ownership (decision record 0031) for several strategies on one {@link SimBroker} (a backtest of a
 * mode): each fill counts for the strategy whose client order id it carries ({@link ClientOrderIds#prefix}), each
 * option event is split among the holders as {@link OptionEventLedger} splits it in the store, and the views are split
 * from those counts by the same {@link PositionOwnership#split}. The simulated account holds nothing it did not
 * trade itself, so there is nothing external and no hold. Kept in memory: a backtest is not restarted.
 */
public final class SimOwnershipBook implements PositionBook {
    private final SimBroker sim;
    // Longest prefix first, so "ld-spreads-x-" is not taken for "ld-spreads-".
    private final List<Map.Entry<String, String>> prefixes = new ArrayList<>();
    private final Map<String, Map<String, Long>> counts = new HashMap<>();
    // Each strategy's own quantity and average entry price of each option contract, from the same fills and events.
    private final Map<String, Map<String, EntryAverage>> entries = new HashMap<>();
    // Each option event's split among the holders (owner "" = nobody's), by the broker order ids of its fills.
    private final Map<String, Map<String, Long>> eventParts = new HashMap<>();

    /** Listens to {@code sim}'s fills and option events from now on, for the strategies {@code strategyIds}. */
    public SimOwnershipBook(SimBroker sim, Collection<String> strategyIds) {
        this.sim = sim;
        strategyIds.forEach(id -> prefixes.add(Map.entry(ClientOrderIds.prefix(id), id)));
        prefixes.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        sim.addFillListener(this::fill);
        sim.addOptionListener(this::event);
    }

    private synchronized void fill(SimFill f) {
        String strategy = sim.clientOrderIdOf(f.brokerOrderId()).map(this::strategyOf).orElse(null);
        if (strategy != null) {
            long q = f.quantity().longValue();
            counts.computeIfAbsent(strategy, k -> new HashMap<>()).merge(f.symbol(), f.side() == Side.BUY ? q : -q, Long::sum);
            entry(strategy, f.symbol(), f.side() == Side.BUY ? f.quantity() : f.quantity().negate(), f.price());
        }
    }

    private String strategyOf(String clientOrderId) {
        for (Map.Entry<String, String> p : prefixes) {
            if (clientOrderId.startsWith(p.getKey())) {
                return p.getValue();
            }
        }
        return null;
    }

    private synchronized void event(SimOptionEvent e) {
        Map<String, Long> parts = OptionEventLedger.parts(e.contracts().longValue(), recorded(e.optionSymbol()));
        eventParts.put(e.optionFillId(), parts);
        if (e.shareFillId() != null) {
            eventParts.put(e.shareFillId(), parts);
        }
        parts.forEach((owner, part) -> {
            if (!owner.isEmpty()) {
                OptionEventLedger.changes(e, part).forEach((symbol, change) -> {
                    counts.computeIfAbsent(owner, k -> new HashMap<>()).merge(symbol, change.longValue(), Long::sum);
                    entry(owner, symbol, change, null);
                });
            }
        });
    }

    private void entry(String strategy, String symbol, BigDecimal signed, BigDecimal price) {
        if (OptionSymbols.isOption(symbol)) {
            Map<String, EntryAverage> own = entries.computeIfAbsent(strategy, k -> new HashMap<>());
            own.put(symbol, own.getOrDefault(symbol, EntryAverage.NONE).after(signed, price));
        }
    }

    private Map<String, Long> recorded(String symbol) {
        Map<String, Long> out = new HashMap<>();
        counts.forEach((strategy, bySymbol) -> out.put(strategy, bySymbol.getOrDefault(symbol, 0L)));
        return out;
    }

    /**
     * How the option event whose fill has broker order id {@code fillId} (its option leg's or its share leg's) was split
     * among the strategies holding the contract: each one's signed part of the event's contracts ("" for a part no
     * strategy's count explained); empty when {@code fillId} is no option event's fill. A backtest gives each strategy
     * its part of the event's fills with it.
     */
    public synchronized Map<String, Long> eventParts(String fillId) {
        Map<String, Long> parts = eventParts.get(fillId);
        return parts == null ? Map.of() : Map.copyOf(parts);
    }

    /** {@code strategyId}'s count of {@code symbol} (signed), as its fills and option events left it. */
    public synchronized long count(String strategyId, String symbol) {
        return counts.getOrDefault(strategyId, Map.of()).getOrDefault(symbol, 0L);
    }

    @Override
    public PositionOwnership ownership(String strategyId, Set<String> roots) {
        if (roots.isEmpty()) {
            return null;
        }
        return new PositionOwnership() {
            @Override
            public Map<String, Long> parts(List<BrokerPosition> positions) {
                Map<String, Long> out = new HashMap<>();
                synchronized (SimOwnershipBook.this) {
                    for (BrokerPosition p : positions) {
                        if (attributed(p.symbol(), roots)) {
                            out.put(p.symbol(), part(strategyId, p));
                        }
                    }
                }
                return out;
            }

            @Override
            public Map<String, BigDecimal> averageEntryPrices(List<BrokerPosition> positions) {
                Map<String, BigDecimal> out = new HashMap<>();
                synchronized (SimOwnershipBook.this) {
                    Map<String, EntryAverage> own = entries.getOrDefault(strategyId, Map.of());
                    for (BrokerPosition p : positions) {
                        BigDecimal average = attributed(p.symbol(), roots) && OptionSymbols.isOption(p.symbol())
                                ? PositionOwnership.averageOf(part(strategyId, p), own.get(p.symbol())) : null;
                        if (average != null) {
                            out.put(p.symbol(), average);
                        }
                    }
                }
                return out;
            }
        };
    }

    private static boolean attributed(String symbol, Set<String> roots) {
        return roots.contains(symbol) || OptionSymbols.contract(symbol).map(k -> roots.contains(k.underlying())).orElse(false);
    }

    private long part(String strategyId, BrokerPosition p) {
        return PositionOwnership.split(whole(p.quantity()), recorded(p.symbol()), Map.of()).getOrDefault(strategyId, 0L);
    }

    @Override
    public Map<String, Holding> holders(String symbol, java.util.function.LongSupplier held) {
        Map<String, Long> pending = new HashMap<>();
        for (org.leverdesk.broker.BrokerOrder o : sim.openOrders()) {
            String strategy = o.clientOrderId() == null || !symbol.equals(o.symbol()) ? null : strategyOf(o.clientOrderId());
            long left = o.quantity().subtract(o.filledQuantity() == null ? BigDecimal.ZERO : o.filledQuantity()).longValue();
            if (strategy != null && left > 0) {
                pending.merge(strategy, o.side() == Side.BUY ? left : -left, Long::sum);
            }
        }
        synchronized (this) {
            Map<String, Long> recorded = recorded(symbol);
            recorded.values().removeIf(q -> q == 0);
            if (recorded.isEmpty() && pending.isEmpty()) {
                return Map.of();
            }
            return Holding.of(PositionOwnership.split(held.getAsLong(), recorded, pending), pending);
        }
    }

    private static long whole(BigDecimal q) {
        return q.longValue();
    }

    @Override
    public PortfolioView own(String strategyId, PortfolioView brokerView) {
        return brokerView;
    }

    @Override
    public Map<String, String> holds() {
        return Map.of();
    }
}
