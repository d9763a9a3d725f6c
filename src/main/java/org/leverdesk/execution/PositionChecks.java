package org.leverdesk.execution;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.common.JsonText;
import org.leverdesk.config.ExternalPositions;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.domain.Position;
import org.leverdesk.domain.Side;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderQueries;
import org.leverdesk.store.PositionLedger;
import org.leverdesk.store.PositionSnapshotRepository;
import org.leverdesk.store.StoredOrder;

/**
 * The broker's positions against the store's own count of shares ({@link PositionLedger}: what Leverdesk's
 * orders filled, plus confirmed adjustments). Orders still open may fill at any moment, so a count is a
 * range: from the filled shares minus what open sells (not resting stops) may still sell, to the filled
 * shares plus what open buys may still buy.
 * <ul>
 *   <li>Fewer shares at the broker than the range allows (a positions answer of {@code []} while 40 are
 *       held, a force exit, a sale by hand) hold the symbol: no order in it until a person confirms the
 *       broker's count ({@code leverdesk reconcile --accept SYMBOL}). A symbol the store has no order of
 *       is compared with the last position snapshot instead.</li>
 *   <li>More shares than the range allows are external: reported and, by the policy, left alone (IGNORE:
 *       the strategy sees only its own shares), the strategy's (ADOPT), or held (BLOCK).</li>
 * </ul>
 */
public final class PositionChecks implements PositionBook {
    private final PositionLedger ledger;
    private final OrderQueries orderLists;
    private final JournalRepository journal;
    private final ExternalPositions policy;

    public PositionChecks(PositionLedger ledger, OrderQueries orderLists, JournalRepository journal, ExternalPositions policy) {
        this.ledger = ledger;
        this.orderLists = orderLists;
        this.journal = journal;
        this.policy = policy == null ? ExternalPositions.IGNORE : policy;
    }

    /** Filled shares by strategy and symbol, and what open orders may still add or take away. */
    private record Counts(Map<String, Map<String, BigDecimal>> filled, Map<String, Map<String, BigDecimal>> openBuys,
                          Map<String, Map<String, BigDecimal>> openSells) {
        BigDecimal total(Map<String, Map<String, BigDecimal>> m, String symbol) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Map<String, BigDecimal> bySymbol : m.values()) {
                sum = sum.add(bySymbol.getOrDefault(symbol, BigDecimal.ZERO));
            }
            return sum;
        }

        static BigDecimal of(Map<String, Map<String, BigDecimal>> m, String strategy, String symbol) {
            return m.getOrDefault(strategy, Map.of()).getOrDefault(symbol, BigDecimal.ZERO);
        }

        Set<String> symbols() {
            Set<String> out = new TreeSet<>();
            filled.values().forEach(m -> out.addAll(m.keySet()));
            return out;
        }
    }

    private Counts counts() {
        Map<String, Map<String, BigDecimal>> buys = new HashMap<>();
        Map<String, Map<String, BigDecimal>> sells = new HashMap<>();
        for (StoredOrder o : orderLists.notFinal()) {
            BigDecimal left = o.intent().quantity().subtract(o.filledQuantity());
            if (left.signum() <= 0) {
                continue;
            }
            if (o.intent().side() == Side.BUY) {
                buys.computeIfAbsent(o.intent().strategyId(), k -> new HashMap<>()).merge(o.intent().symbol(), left, BigDecimal::add);
            } else if (o.intent().type() != OrderType.STOP) {
                // A resting protective stop is not counted: it may rest for months, and would hide a position that went.
                sells.computeIfAbsent(o.intent().strategyId(), k -> new HashMap<>()).merge(o.intent().symbol(), left, BigDecimal::add);
            }
        }
        return new Counts(ledger.byStrategy(), buys, sells);
    }

    /**
     * Compares {@code positions} (the broker's) with the store's count, holds what must wait for a person and
     * reports external shares; every finding goes to {@code differences} and the journal.
     */
    void check(List<BrokerPosition> positions, Map<String, PositionSnapshotRepository.Row> lastSnapshot,
               List<String> differences, List<String> holds, List<String> external) {
        Counts c = counts();
        Map<String, BigDecimal> now = new HashMap<>();
        positions.forEach(p -> now.merge(p.symbol(), p.quantity(), BigDecimal::add));
        Set<String> known = c.symbols();
        Set<String> symbols = new TreeSet<>(now.keySet());
        symbols.addAll(known);
        lastSnapshot.forEach((s, row) -> {
            if (!known.contains(s)) {
                symbols.add(s);
            }
        });
        for (String s : symbols) {
            BigDecimal broker = now.getOrDefault(s, BigDecimal.ZERO);
            BigDecimal low;
            BigDecimal high;
            String source;
            if (known.contains(s)) {
                BigDecimal filled = c.total(c.filled(), s);
                low = filled.subtract(c.total(c.openSells(), s));
                high = filled.add(c.total(c.openBuys(), s));
                source = "Leverdesk's filled orders account for " + plain(filled);
            } else {
                BigDecimal snap = lastSnapshot.containsKey(s) ? lastSnapshot.get(s).quantity() : BigDecimal.ZERO;
                low = snap.subtract(c.total(c.openSells(), s));
                high = snap.add(c.total(c.openBuys(), s));
                source = "the last position snapshot had " + plain(snap);
            }
            if (broker.compareTo(low) < 0) {
                String reason = s + ": the broker reports " + plain(broker) + " shares but " + source + "; trading " + s
                        + " is blocked until you confirm the broker's count (leverdesk reconcile --accept " + s
                        + ", or Accept in the Orders view)";
                hold(s, PositionLedger.HoldKind.MISSING, broker, low, reason, differences);
            } else if (broker.compareTo(high) > 0) {
                BigDecimal extra = broker.subtract(high);
                String text = s + ": " + plain(extra) + " of the broker's " + plain(broker) + " shares are external (" + source
                        + "); " + switch (policy) {
                            case IGNORE -> "left alone: no strategy trades them";
                            case ADOPT -> "adopted: the strategy trading " + s + " may trade them";
                            case BLOCK -> "trading " + s + " is blocked until you confirm the broker's count"
                                    + " (leverdesk reconcile --accept " + s + ")";
                        };
                external.add(text);
                if (policy == ExternalPositions.BLOCK) {
                    hold(s, PositionLedger.HoldKind.EXTERNAL, broker, high, text, differences);
                } else {
                    differences.add(text);
                    journal.append("external-position", null, text, JsonText.of(Map.of("symbol", s, "external", plain(extra))));
                }
            }
        }
        ledger.openHolds().forEach(h -> holds.add(h.reason()));
    }

    private void hold(String symbol, PositionLedger.HoldKind kind, BigDecimal broker, BigDecimal expected, String reason,
                      List<String> differences) {
        differences.add(reason);
        if (ledger.hold(symbol, kind, broker, expected, reason).isPresent()) {
            journal.append("position-hold", null, reason, JsonText.of(Map.of("symbol", symbol, "kind", kind.name())));
        }
    }

    @Override
    public PortfolioView own(String strategyId, PortfolioView brokerView) {
        if (policy == ExternalPositions.ADOPT || brokerView.positions().isEmpty()) {
            return brokerView;
        }
        Counts c = counts();
        Map<String, Position> mine = new LinkedHashMap<>();
        brokerView.positions().forEach((symbol, p) -> {
            long own = Counts.of(c.filled(), strategyId, symbol).add(Counts.of(c.openBuys(), strategyId, symbol)).longValue();
            long q = p.quantity() > 0 ? Math.min(p.quantity(), Math.max(0, own)) : p.quantity();
            if (q != 0) {
                mine.put(symbol, new Position(symbol, q, p.averageCost()));
            }
        });
        Map<String, Position> positions = Collections.unmodifiableMap(mine);
        return new PortfolioView() {
            @Override
            public double cash() {
                return brokerView.cash();
            }

            @Override
            public long quantity(String symbol) {
                Position p = positions.get(symbol);
                return p == null ? 0 : p.quantity();
            }

            @Override
            public Map<String, Position> positions() {
                return positions;
            }

            @Override
            public double equity() {
                return brokerView.equity();
            }
        };
    }

    /**
     * Contract-level ownership from the store (decision record 0031): each option on {@code roots} and each root's
     * shares is split among strategies by their counts ({@link PositionLedger#byStrategy}: the filled quantities of
     * their own orders, which carry the strategy, and the option events recorded for them), then by their open
     * orders' unfilled remainders; nothing is kept beside the orders, so a restart rebuilds it from the store as it
     * stands. ADOPT gives no ownership (a strategy adopts every contract of its roots, as before).
     */
    @Override
    public org.leverdesk.broker.PositionOwnership ownership(String strategyId, Set<String> roots) {
        if (policy == ExternalPositions.ADOPT || roots.isEmpty()) {
            return null;
        }
        return new org.leverdesk.broker.PositionOwnership() {
            // A view asks for the parts and then the averages of one list of positions: split it once.
            private List<BrokerPosition> lastPositions;
            private Map<String, Long> lastParts;

            @Override
            public synchronized Map<String, Long> parts(List<BrokerPosition> positions) {
                if (positions != lastPositions) {
                    lastParts = split(strategyId, roots, positions);
                    lastPositions = positions;
                }
                return new HashMap<>(lastParts);
            }

            @Override
            public Map<String, BigDecimal> averageEntryPrices(List<BrokerPosition> positions) {
                Map<String, Long> parts = parts(positions);
                parts.keySet().removeIf(s -> !org.leverdesk.options.contract.OptionSymbols.isOption(s) || parts.get(s) == 0);
                Map<String, org.leverdesk.domain.EntryAverage> own = ledger.entryAverages(strategyId, parts.keySet());
                Map<String, BigDecimal> out = new HashMap<>();
                parts.forEach((s, part) -> {
                    BigDecimal average = org.leverdesk.broker.PositionOwnership.averageOf(part, own.get(s));
                    if (average != null) {
                        out.put(s, average);
                    }
                });
                return out;
            }
        };
    }

    /** {@code strategyId}'s part of each of {@code positions} on {@code roots} (the options on them and their shares). */
    private Map<String, Long> split(String strategyId, Set<String> roots, List<BrokerPosition> positions) {
        Counts c = null;
        Map<String, Long> out = new HashMap<>();
        for (BrokerPosition p : positions) {
            boolean option = org.leverdesk.options.contract.OptionSymbols.contract(p.symbol())
                    .map(k -> roots.contains(k.underlying())).orElse(false);
            if (!option && !roots.contains(p.symbol())) {
                continue;
            }
            if (c == null) {
                c = counts();
            }
            Map<String, Long> recorded = new HashMap<>();
            Map<String, Long> pending = new HashMap<>();
            Counts all = c;
            all.filled().forEach((s, bySymbol) -> recorded.put(s, whole(bySymbol.get(p.symbol()))));
            all.openBuys().forEach((s, bySymbol) -> pending.merge(s, whole(bySymbol.get(p.symbol())), Long::sum));
            all.openSells().forEach((s, bySymbol) -> pending.merge(s, -whole(bySymbol.get(p.symbol())), Long::sum));
            out.put(p.symbol(), org.leverdesk.broker.PositionOwnership.split(p.quantity().longValue(), recorded, pending)
                    .getOrDefault(strategyId, 0L));
        }
        return out;
    }

    @Override
    public Map<String, Holding> holders(String symbol, java.util.function.LongSupplier held) {
        if (policy == ExternalPositions.ADOPT) {
            return Map.of();
        }
        Counts c = counts();
        Map<String, Long> recorded = new HashMap<>();
        Map<String, Long> pending = new HashMap<>();
        c.filled().forEach((s, bySymbol) -> recorded.put(s, whole(bySymbol.get(symbol))));
        c.openBuys().forEach((s, bySymbol) -> pending.merge(s, whole(bySymbol.get(symbol)), Long::sum));
        c.openSells().forEach((s, bySymbol) -> pending.merge(s, -whole(bySymbol.get(symbol)), Long::sum));
        recorded.values().removeIf(q -> q == 0);
        pending.values().removeIf(q -> q == 0);
        if (recorded.isEmpty() && pending.isEmpty()) {
            return Map.of(); // nobody's orders touched it: no broker call
        }
        Map<String, Long> parts = org.leverdesk.broker.PositionOwnership.split(held.getAsLong(), recorded, pending);
        return Holding.of(parts, pending);
    }

    private static long whole(BigDecimal q) {
        return q == null ? 0 : q.longValue();
    }

    @Override
    public Map<String, String> holds() {
        Map<String, String> out = new LinkedHashMap<>();
        ledger.openHolds().forEach(h -> out.putIfAbsent(h.symbol(), h.reason()));
        return out;
    }

    /**
     * The strategy whose count of {@code symbol} is largest (the one that trades it), or null when no
     * strategy's orders ever filled in it.
     */
    String owner(String symbol) {
        String best = null;
        BigDecimal most = BigDecimal.ZERO;
        for (Map.Entry<String, Map<String, BigDecimal>> e : counts().filled().entrySet()) {
            BigDecimal q = e.getValue().getOrDefault(symbol, BigDecimal.ZERO);
            if (!e.getKey().isEmpty() && e.getValue().containsKey(symbol) && (best == null || q.compareTo(most) > 0)) {
                best = e.getKey();
                most = q;
            }
        }
        return best;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
