package org.leverdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.leverdesk.market.data.Split;

/**
 * The known stock splits ({@code splits}, schema V19) and the one adjustment of the stored bars each makes:
 * once a split's ex-date has begun, every stored bar of its symbol before the ex-date has its open, high, low,
 * close and adjusted close divided by the ratio and its volume multiplied by it, in the same transaction that
 * marks the split as applied to the bars. The stored series thus stays split-adjusted (as the feed's and the
 * price files' are), and the feed's first post-split bar does not jump against it.
 */
public final class SplitRepository {
    /** Grows with every split recorded in this process, so a reader can tell when to look again. */
    private static final java.util.concurrent.atomic.AtomicLong VERSION = new java.util.concurrent.atomic.AtomicLong();
    private final Store store;

    public SplitRepository(Store store) {
        this.store = store;
    }

    /**
     * Records {@code split} (at {@code at}); returns false when the same split is known already. A different
     * ratio for a known symbol and ex-date is refused, and so is a change after the bars were adjusted.
     *
     * @throws IllegalArgumentException one line naming the conflict
     */
    public boolean record(Split split, Instant at) {
        return store.inTransaction("record " + split.describe(), c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT new_shares, old_shares FROM splits WHERE symbol = ? AND ex_date = ?")) {
                q.setString(1, split.symbol());
                q.setObject(2, split.exDate());
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        Split held = new Split(split.symbol(), split.exDate(), rs.getBigDecimal(1), rs.getBigDecimal(2), "store");
                        if (held.ratio().compareTo(split.ratio()) == 0) {
                            return false;
                        }
                        throw new IllegalArgumentException(split.symbol() + " already has a " + held.ratioText() + " split going ex "
                                + split.exDate() + "; a " + split.ratioText() + " split of the same day cannot be added");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO splits (symbol, ex_date, new_shares, old_shares, source,"
                    + " recorded_at, bars_adjusted) VALUES (?, ?, ?, ?, ?, ?, FALSE)")) {
                ps.setString(1, split.symbol());
                ps.setObject(2, split.exDate());
                ps.setBigDecimal(3, split.newShares());
                ps.setBigDecimal(4, split.oldShares());
                ps.setString(5, split.source());
                ps.setObject(6, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                ps.executeUpdate();
            }
            VERSION.incrementAndGet();
            return true;
        });
    }

    /** The number of splits recorded in this process so far (see {@link #VERSION}). */
    public static long version() {
        return VERSION.get();
    }

    /** Every known split, by ex-date then symbol. */
    public List<Split> all() {
        return store.read("list the known splits", c -> list(c, "SELECT * FROM splits ORDER BY ex_date, symbol", null));
    }

    /** The splits going ex on {@code day}. */
    public List<Split> on(LocalDate day) {
        return store.read("list the splits going ex " + day, c -> list(c, "SELECT * FROM splits WHERE ex_date = ? ORDER BY symbol", day));
    }

    /**
     * Divides the stored bars of every split of {@code symbol} (every symbol when null) going ex on or before
     * {@code through} whose bars were not adjusted yet; returns the splits adjusted now. Each split is its own
     * transaction: a crash leaves it either wholly applied to the bars and marked, or neither.
     */
    public List<Split> adjustBars(String symbol, LocalDate through) {
        List<Split> due = store.read("list the splits due", c -> list(c, "SELECT * FROM splits WHERE bars_adjusted = FALSE"
                + " AND ex_date <= ? ORDER BY ex_date, symbol", through));
        List<Split> done = new ArrayList<>();
        for (Split s : due) {
            if (symbol != null && !symbol.equals(s.symbol())) {
                continue;
            }
            boolean now = store.inTransaction("adjust the stored bars of " + s.symbol() + " for its " + s.ratioText() + " split",
                    c -> adjust(c, s));
            if (now) {
                done.add(s);
            }
        }
        return done;
    }

    private static boolean adjust(Connection c, Split s) throws SQLException {
        // Claim the split first: a second process (or a retry) that finds it adjusted changes nothing.
        try (PreparedStatement mark = c.prepareStatement("UPDATE splits SET bars_adjusted = TRUE WHERE symbol = ? AND ex_date = ?"
                + " AND bars_adjusted = FALSE")) {
            mark.setString(1, s.symbol());
            mark.setObject(2, s.exDate());
            if (mark.executeUpdate() == 0) {
                return false;
            }
        }
        double r = s.ratio().doubleValue();
        try (PreparedStatement ps = c.prepareStatement("UPDATE bars SET open = open / ?, high = high / ?, low = low / ?,"
                + " close = close / ?, adj_close = adj_close / ?, volume = CAST(ROUND(volume * ?) AS BIGINT)"
                + " WHERE symbol = ? AND bar_date < ?")) {
            for (int i = 1; i <= 5; i++) {
                ps.setDouble(i, r);
            }
            ps.setDouble(6, r);
            ps.setString(7, s.symbol());
            ps.setObject(8, s.exDate());
            ps.executeUpdate();
        }
        return true;
    }

    private static List<Split> list(Connection c, String sql, LocalDate day) throws SQLException {
        List<Split> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (day != null) {
                ps.setObject(1, day);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Split(rs.getString("symbol"), rs.getObject("ex_date", LocalDate.class), rs.getBigDecimal("new_shares"),
                            rs.getBigDecimal("old_shares"), rs.getString("source")));
                }
            }
        }
        return out;
    }

    /** True when the bars of {@code split} were adjusted. */
    public boolean barsAdjusted(Split split) {
        return store.read("read a split", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT bars_adjusted FROM splits WHERE symbol = ? AND ex_date = ?")) {
                ps.setString(1, split.symbol());
                ps.setObject(2, split.exDate());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }
}
