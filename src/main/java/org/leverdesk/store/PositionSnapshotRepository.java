package org.leverdesk.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Position snapshots per broker: what the broker reported at one moment. A snapshot also lists, with
 * quantity 0, symbols the previous snapshot held and the broker no longer reports, so "the last
 * snapshot" stays right after a position (or the whole account) went flat.
 */
public final class PositionSnapshotRepository {
    /** One symbol of a snapshot. */
    public record Row(String symbol, BigDecimal quantity, BigDecimal averageCost, BigDecimal marketValue) {
    }

    private final Store store;
    private final Clock clock;

    public PositionSnapshotRepository(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The latest snapshot of {@code broker} by symbol (empty when none was taken). */
    public Map<String, Row> latest(String broker) {
        return store.read("read the last position snapshot of " + broker, c -> {
            Map<String, Row> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT symbol, quantity, average_cost, market_value"
                    + " FROM position_snapshots WHERE broker = ? AND taken_at ="
                    + " (SELECT MAX(taken_at) FROM position_snapshots WHERE broker = ?) ORDER BY symbol")) {
                ps.setString(1, broker);
                ps.setString(2, broker);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new Row(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                                rs.getBigDecimal(4)));
                    }
                }
            }
            return out;
        });
    }

    /** Records {@code rows} as {@code broker}'s positions now, adding 0 rows for symbols of the previous snapshot now gone. */
    public Instant record(String broker, Iterable<Row> rows) {
        Instant now = clock.instant();
        Map<String, Row> previous = latest(broker);
        Map<String, Row> next = new LinkedHashMap<>();
        for (Row r : rows) {
            next.put(r.symbol(), r);
        }
        previous.forEach((symbol, row) -> {
            if (row.quantity().signum() != 0 && !next.containsKey(symbol)) {
                next.put(symbol, new Row(symbol, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
            }
        });
        if (next.isEmpty()) {
            return now;
        }
        // MERGE: two snapshots within one clock tick (a fixed test clock) replace rather than collide.
        store.inTransaction("record a position snapshot of " + broker, c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO position_snapshots (taken_at, broker, symbol,"
                    + " quantity, average_cost, market_value) KEY (broker, taken_at, symbol) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Row r : next.values()) {
                    Jdbc.setInstant(ps, 1, now);
                    ps.setString(2, broker);
                    ps.setString(3, r.symbol());
                    ps.setBigDecimal(4, r.quantity().setScale(6, RoundingMode.HALF_UP));
                    ps.setBigDecimal(5, r.averageCost().setScale(6, RoundingMode.HALF_UP));
                    ps.setBigDecimal(6, r.marketValue().setScale(4, RoundingMode.HALF_UP));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        return now;
    }
}
