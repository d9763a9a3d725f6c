package org.leverdesk.store;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.data.BarStatus;
import org.leverdesk.market.data.DataCatalog.SymbolCoverage;

/**
 * Daily bars in the store: upsert by (symbol, date), load as a {@link BarSeries}, coverage per symbol.
 * A bar is final or provisional (today's session so far, see {@link BarStatus}); {@link #load} returns
 * both, so a live decision sees today's provisional bar as its last bar.
 */
public final class BarRepository {
    private static final String COLUMNS = "bar_date, open, high, low, close, volume, adj_close";
    private static final String MERGE = "MERGE INTO bars (symbol, " + COLUMNS + ", provisional, as_of, source)"
            + " KEY (symbol, bar_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Store store;

    public BarRepository(Store store) {
        this.store = store;
    }

    /**
     * Inserts or replaces (same symbol and date) all {@code bars} in one transaction: either every
     * bar is written or, when one is rejected, none is. Returns the number of bars written.
     */
    public int upsert(String symbol, List<Bar> bars) {
        return upsert(symbol, bars, null);
    }

    /** Like {@link #upsert(String, List)}, recording {@code source} (e.g. "csv") with each final bar. */
    public int upsert(String symbol, List<Bar> bars, String source) {
        requireSymbol(symbol);
        return store.inTransaction("save " + bars.size() + " bars of " + symbol, c -> writeFinal(c, symbol, bars, source));
    }

    /**
     * Replaces every bar of {@code symbol} (final and provisional) with {@code bars}, in one transaction: a
     * whole-series replacement after a split, never a mix of two share bases.
     */
    public int replaceAll(String symbol, List<Bar> bars, String source) {
        requireSymbol(symbol);
        return store.inTransaction("replace the bars of " + symbol, c -> {
            deleteAll(c, symbol);
            return writeFinal(c, symbol, bars, source);
        });
    }

    static void deleteAll(Connection c, String symbol) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM bars WHERE symbol = ?")) {
            ps.setString(1, symbol);
            ps.executeUpdate();
        }
    }

    /** Writes {@code bars} as final bars on {@code c} (inside the caller's transaction). */
    int writeFinal(Connection c, String symbol, List<Bar> bars, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MERGE)) {
            for (Bar b : bars) {
                bind(ps, symbol, b, null, source);
                ps.addBatch();
            }
            try {
                ps.executeBatch();
            } catch (BatchUpdateException e) {
                throw rejected(symbol, bars, e);
            }
        }
        return bars.size();
    }

    /** Writes {@code bar} as the provisional bar of its date on {@code c}, unless a final bar of that date is held. */
    boolean writeProvisional(Connection c, String symbol, Bar bar, Instant asOf, String source) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT provisional FROM bars WHERE symbol = ? AND bar_date = ?")) {
            q.setString(1, symbol);
            q.setObject(2, bar.date());
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next() && !rs.getBoolean(1)) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(MERGE)) {
            bind(ps, symbol, bar, asOf, source);
            ps.executeUpdate();
        }
        return true;
    }

    private static void bind(PreparedStatement ps, String symbol, Bar b, Instant asOf, String source) throws SQLException {
        ps.setString(1, symbol);
        ps.setObject(2, b.date());
        ps.setDouble(3, b.open());
        ps.setDouble(4, b.high());
        ps.setDouble(5, b.low());
        ps.setDouble(6, b.close());
        ps.setLong(7, b.volume());
        ps.setDouble(8, b.adjClose());
        ps.setBoolean(9, asOf != null);
        ps.setObject(10, asOf == null ? null : OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
        ps.setString(11, source);
    }

    /** Names the first bar the database refused; the transaction is rolled back by the caller. */
    private StoreException rejected(String symbol, List<Bar> bars, BatchUpdateException e) {
        int[] counts = e.getUpdateCounts();
        int bad = 0;
        while (counts != null && bad < counts.length && counts[bad] != Statement.EXECUTE_FAILED) {
            bad++;
        }
        String which = counts != null && bad < bars.size()
                ? "bar " + (bad + 1) + " of " + bars.size() + " (" + bars.get(bad).date() + ")" : "a bar";
        return new StoreException("could not save bars of " + symbol + " in the Leverdesk store at " + store.dataDirectory()
                + ": " + which + " was rejected (" + Store.reason(e) + "); nothing was saved", e);
    }

    /** All bars of {@code symbol}, oldest first (empty when the store holds none). */
    public BarSeries load(String symbol) {
        return query(symbol, "SELECT " + COLUMNS + " FROM bars WHERE symbol = ? ORDER BY bar_date", null, null);
    }

    /** Bars of {@code symbol} from {@code from} to {@code to}, both inclusive, oldest first. */
    public BarSeries load(String symbol, LocalDate from, LocalDate to) {
        return query(symbol, "SELECT " + COLUMNS + " FROM bars WHERE symbol = ? AND bar_date BETWEEN ? AND ? ORDER BY bar_date",
                from, to);
    }

    private BarSeries query(String symbol, String sql, LocalDate from, LocalDate to) {
        requireSymbol(symbol);
        List<Bar> bars = store.read("load bars of " + symbol, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, symbol);
                if (from != null) {
                    ps.setObject(2, from);
                    ps.setObject(3, to);
                }
                return readBars(ps);
            }
        });
        return BarSeries.of(symbol, bars);
    }

    private static List<Bar> readBars(PreparedStatement ps) throws SQLException {
        List<Bar> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Bar(rs.getObject(1, LocalDate.class), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getDouble(5), rs.getLong(6), rs.getDouble(7)));
            }
        }
        return out;
    }

    /** The last {@code n} final bars of {@code symbol}, oldest first. */
    public List<Bar> lastFinal(String symbol, int n) {
        requireSymbol(symbol);
        List<Bar> bars = store.read("load the latest bars of " + symbol, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM bars WHERE symbol = ? AND provisional = FALSE ORDER BY bar_date DESC LIMIT ?")) {
                ps.setString(1, symbol);
                ps.setInt(2, n);
                return readBars(ps);
            }
        });
        Collections.reverse(bars);
        return bars;
    }

    /** The provisional bars of {@code symbol}, oldest first. */
    public List<BarStatus> provisional(String symbol) {
        requireSymbol(symbol);
        return store.read("read the provisional bars of " + symbol, c -> {
            List<BarStatus> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT bar_date, as_of FROM bars WHERE symbol = ? AND provisional ORDER BY bar_date")) {
                ps.setString(1, symbol);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(BarStatus.provisional(symbol, rs.getObject(1, LocalDate.class), instant(rs, 2)));
                    }
                }
            }
            return out;
        });
    }

    /** The status of the last bar of {@code symbol} dated on or before {@code onOrBefore}, or empty. */
    public Optional<BarStatus> lastStatus(String symbol, LocalDate onOrBefore) {
        requireSymbol(symbol);
        return store.read("read the last bar of " + symbol, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT bar_date, provisional, as_of FROM bars"
                    + " WHERE symbol = ? AND bar_date <= ? ORDER BY bar_date DESC LIMIT 1")) {
                ps.setString(1, symbol);
                ps.setObject(2, onOrBefore);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<BarStatus>empty();
                    }
                    LocalDate d = rs.getObject(1, LocalDate.class);
                    return Optional.of(rs.getBoolean(2) ? BarStatus.provisional(symbol, d, instant(rs, 3))
                            : BarStatus.finalBar(symbol, d));
                }
            }
        });
    }

    /** True when the bar of {@code symbol} on {@code date} is held and provisional. */
    public boolean isProvisional(String symbol, LocalDate date) {
        requireSymbol(symbol);
        return store.read("read the bar of " + symbol + " on " + date, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT provisional FROM bars WHERE symbol = ? AND bar_date = ?")) {
                ps.setString(1, symbol);
                ps.setObject(2, date);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * Symbol, first and last date, bar count and, when the last bar is provisional, the time of its
     * latest trade, of every symbol held, by symbol.
     */
    public List<SymbolCoverage> coverage() {
        return store.read("read the data coverage", c -> {
            List<SymbolCoverage> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT g.symbol, g.first_date, g.last_date, g.n, b.as_of, b.source FROM"
                            + " (SELECT symbol, MIN(bar_date) first_date, MAX(bar_date) last_date, COUNT(*) n FROM bars GROUP BY symbol) g"
                            + " JOIN bars b ON b.symbol = g.symbol AND b.bar_date = g.last_date ORDER BY g.symbol");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SymbolCoverage(rs.getString(1), rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class), rs.getInt(4), instant(rs, 5), rs.getString(6)));
                }
            }
            return out;
        });
    }

    /** The symbols held, in alphabetical order. */
    public List<String> symbols() {
        return store.read("list symbols", BarRepository::symbols);
    }

    private static List<String> symbols(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT symbol FROM bars ORDER BY symbol");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void requireSymbol(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("a symbol is required, e.g. QQQ");
        }
    }
}
