package org.leverdesk.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store's own count of shares, and the symbols whose trading waits for a person.
 * <ul>
 *   <li>The count of a symbol is what Leverdesk's orders filled (buys minus sells, by strategy) plus the
 *       adjustments a person confirmed; it is how a run tells its own shares from shares bought by hand,
 *       and how it notices a broker answer that lost a position.</li>
 *   <li>A hold stops trading in one symbol until a person accepts the broker's count
 *       ({@link #accept}); accepting writes the adjustment that makes the store's count match.</li>
 * </ul>
 */
public final class PositionLedger {
    /** Why a symbol is held. */
    public enum HoldKind { MISSING, EXTERNAL }

    /** One open hold. */
    public record Hold(long id, String symbol, HoldKind kind, BigDecimal brokerQuantity, BigDecimal expectedQuantity,
                       String reason, Instant createdAt) {
    }

    private final Store store;
    private final Clock clock;

    public PositionLedger(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Shares each strategy's filled orders and the confirmed adjustments give it, by strategy then symbol
     * (an adjustment nobody owns is under the empty strategy id). A symbol absent from every strategy is
     * one the store knows nothing about.
     */
    public Map<String, Map<String, BigDecimal>> byStrategy() {
        return store.read("count the store's shares", c -> {
            Map<String, Map<String, BigDecimal>> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT strategy_id, symbol,"
                    + " SUM(CASE WHEN side = 'BUY' THEN filled_quantity ELSE -filled_quantity END) FROM orders"
                    + " WHERE filled_quantity > 0 GROUP BY strategy_id, symbol");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(out, rs.getString(1), rs.getString(2), rs.getBigDecimal(3));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(strategy_id, ''), symbol, SUM(quantity)"
                    + " FROM position_adjustments GROUP BY COALESCE(strategy_id, ''), symbol");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(out, rs.getString(1), rs.getString(2), rs.getBigDecimal(3));
                }
            }
            return out;
        });
    }

    /**
     * {@code strategyId}'s own quantity and average entry price of each of {@code symbols}, rebuilt from the rows its
     * count comes from ({@link #byStrategy}): its orders' filled quantities at their filled average prices and the
     * adjustments recorded for it (option events, confirmations: no price), in the order they were recorded, by
     * {@link org.leverdesk.domain.EntryAverage}'s rule (decision record 0031). Nothing else is stored, so a restart
     * finds the same figures.
     */
    public Map<String, org.leverdesk.domain.EntryAverage> entryAverages(String strategyId, java.util.Collection<String> symbols) {
        if (symbols.isEmpty()) {
            return Map.of();
        }
        String in = String.join(", ", java.util.Collections.nCopies(symbols.size(), "?"));
        return store.read("average the entry prices of " + strategyId, c -> {
            record Step(Instant at, int source, long id, String symbol, BigDecimal signed, BigDecimal price) {
            }
            List<Step> steps = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, symbol, side, filled_quantity, filled_avg_price, created_at"
                    + " FROM orders WHERE strategy_id = ? AND filled_quantity > 0 AND symbol IN (" + in + ")")) {
                bind(ps, strategyId, symbols);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        BigDecimal q = rs.getBigDecimal("filled_quantity");
                        steps.add(new Step(Jdbc.instant(rs, "created_at"), 0, rs.getLong("id"), rs.getString("symbol"),
                                "BUY".equals(rs.getString("side")) ? q : q.negate(), rs.getBigDecimal("filled_avg_price")));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, symbol, quantity, created_at FROM position_adjustments"
                    + " WHERE strategy_id = ? AND symbol IN (" + in + ")")) {
                bind(ps, strategyId, symbols);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        steps.add(new Step(Jdbc.instant(rs, "created_at"), 1, rs.getLong("id"), rs.getString("symbol"),
                                rs.getBigDecimal("quantity"), null));
                    }
                }
            }
            steps.sort(java.util.Comparator.comparing(Step::at).thenComparingInt(Step::source).thenComparingLong(Step::id));
            Map<String, org.leverdesk.domain.EntryAverage> out = new HashMap<>();
            for (Step st : steps) {
                out.put(st.symbol(), out.getOrDefault(st.symbol(), org.leverdesk.domain.EntryAverage.NONE).after(st.signed(), st.price()));
            }
            return out;
        });
    }

    private static void bind(PreparedStatement ps, String strategyId, java.util.Collection<String> symbols) throws java.sql.SQLException {
        ps.setString(1, strategyId);
        int i = 2;
        for (String s : symbols) {
            ps.setString(i++, s);
        }
    }

    /** The store's count per symbol, all strategies (and manual orders) together. */
    public Map<String, BigDecimal> bySymbol() {
        Map<String, BigDecimal> out = new HashMap<>();
        byStrategy().values().forEach(m -> m.forEach((s, q) -> out.merge(s, q, BigDecimal::add)));
        return out;
    }

    private static void add(Map<String, Map<String, BigDecimal>> out, String strategy, String symbol, BigDecimal q) {
        out.computeIfAbsent(strategy, k -> new HashMap<>()).merge(symbol, q.stripTrailingZeros(), BigDecimal::add);
    }

    /** The open holds, oldest first. */
    public List<Hold> openHolds() {
        return store.read("list the held symbols", c -> {
            List<Hold> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, symbol, kind, broker_qty, expected_qty, reason, created_at"
                    + " FROM position_holds WHERE accepted_at IS NULL ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Hold(rs.getLong(1), rs.getString(2), HoldKind.valueOf(rs.getString(3)),
                            rs.getBigDecimal(4).stripTrailingZeros(), rs.getBigDecimal(5).stripTrailingZeros(), rs.getString(6),
                            Jdbc.instant(rs, "created_at")));
                }
            }
            return out;
        });
    }

    /** Holds {@code symbol} unless it is held already; returns the new hold, or empty when one was open. */
    public Optional<Hold> hold(String symbol, HoldKind kind, BigDecimal brokerQuantity, BigDecimal expectedQuantity,
                               String reason) {
        Instant now = clock.instant();
        return store.inTransaction("hold " + symbol, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM position_holds WHERE symbol = ? AND accepted_at IS NULL FOR UPDATE")) {
                ps.setString(1, symbol);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.<Hold>empty();
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO position_holds (symbol, kind, broker_qty, expected_qty,"
                    + " reason, created_at) VALUES (?, ?, ?, ?, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, symbol);
                ps.setString(2, kind.name());
                ps.setBigDecimal(3, brokerQuantity);
                ps.setBigDecimal(4, expectedQuantity);
                ps.setString(5, reason.length() <= 1000 ? reason : reason.substring(0, 997) + "...");
                Jdbc.setInstant(ps, 6, now);
                ps.executeUpdate();
                return Optional.of(new Hold(Jdbc.generatedId(ps), symbol, kind, brokerQuantity, expectedQuantity, reason, now));
            }
        });
    }

    /**
     * A person confirmed that the broker's {@code brokerQuantity} of {@code symbol} is right: the open holds
     * of the symbol are closed and an adjustment of the store's count to it is recorded for
     * {@code strategyId} (null when no strategy trades the symbol), all in one transaction. Returns the
     * adjustment (zero when the count already matched).
     */
    public BigDecimal accept(String symbol, BigDecimal brokerQuantity, String strategyId, String by, String reason) {
        BigDecimal counted = bySymbol().getOrDefault(symbol, BigDecimal.ZERO);
        BigDecimal adjustment = brokerQuantity.subtract(counted).stripTrailingZeros();
        Instant now = clock.instant();
        store.inTransaction("accept the broker's count of " + symbol, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE position_holds SET accepted_at = ?, accepted_by = ?"
                    + " WHERE symbol = ? AND accepted_at IS NULL")) {
                Jdbc.setInstant(ps, 1, now);
                ps.setString(2, by.length() <= 64 ? by : by.substring(0, 64));
                ps.setString(3, symbol);
                ps.executeUpdate();
            }
            if (adjustment.signum() != 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO position_adjustments (strategy_id, symbol,"
                        + " quantity, reason, created_at) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, strategyId);
                    ps.setString(2, symbol);
                    ps.setBigDecimal(3, adjustment);
                    ps.setString(4, reason.length() <= 1000 ? reason : reason.substring(0, 997) + "...");
                    Jdbc.setInstant(ps, 5, now);
                    ps.executeUpdate();
                }
            }
            return null;
        });
        return adjustment;
    }

    /**
     * Records what an option event (expiry, assignment, exercise, keyed by {@code eventId}) did to the count of
     * {@code strategyId}: each symbol's quantity moves by its {@code changes} entry, in one transaction. A second
     * call with the same id changes nothing and returns false (a restart replays the broker's events).
     */
    public boolean recordEvent(String eventId, String strategyId, Map<String, BigDecimal> changes, String reason) {
        Map<String, Map<String, BigDecimal>> one = new java.util.LinkedHashMap<>();
        one.put(strategyId, changes);
        return recordEvent(eventId, one, reason);
    }

    /**
     * Records one broker event that moved several strategies' counts (an expiry of a contract two strategies hold):
     * {@code changesByStrategy} maps each strategy (null: nobody's) to its changes, all written in one transaction
     * under the one event id, so a restart finds the event recorded whole or not at all.
     */
    public boolean recordEvent(String eventId, Map<String, Map<String, BigDecimal>> changesByStrategy, String reason) {
        String key = eventId + ": ";
        String text = key + reason;
        Instant now = clock.instant();
        return store.inTransaction("record " + eventId + " in the store's count", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM position_adjustments WHERE reason LIKE ?")) {
                ps.setString(1, key.replace("%", "\\%").replace("_", "\\_") + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return false;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO position_adjustments (strategy_id, symbol,"
                    + " quantity, reason, created_at) VALUES (?, ?, ?, ?, ?)")) {
                for (Map.Entry<String, Map<String, BigDecimal>> owner : changesByStrategy.entrySet()) {
                    for (Map.Entry<String, BigDecimal> e : owner.getValue().entrySet()) {
                        ps.setString(1, owner.getKey());
                        ps.setString(2, e.getKey());
                        ps.setBigDecimal(3, e.getValue());
                        ps.setString(4, text.length() <= 1000 ? text : text.substring(0, 997) + "...");
                        Jdbc.setInstant(ps, 5, now);
                        ps.executeUpdate();
                    }
                }
            }
            return true;
        });
    }
}
