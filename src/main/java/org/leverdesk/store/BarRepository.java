package org.leverdesk.store;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.data.DataCatalog.SymbolCoverage;

/** Daily bars in the store: upsert by (symbol, date), load as a {@link BarSeries}, coverage per symbol. */
public final class BarRepository {
    private static final String COLUMNS = "bar_date, open, high, low, close, volume, adj_close";

    private final Store store;

    public BarRepository(Store store) {
        this.store = store;
    }

    /**
     * Inserts or replaces (same symbol and date) all {@code bars} in one transaction: either every
     * bar is written or, when one is rejected, none is. Returns the number of bars written.
     */
    public int upsert(String symbol, List<Bar> bars) {
        requireSymbol(symbol);
        return store.inTransaction("save " + bars.size() + " bars of " + symbol, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO bars (symbol, " + COLUMNS + ") KEY (symbol, bar_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Bar b : bars) {
                    ps.setString(1, symbol);
                    ps.setObject(2, b.date());
                    ps.setDouble(3, b.open());
                    ps.setDouble(4, b.high());
                    ps.setDouble(5, b.low());
                    ps.setDouble(6, b.close());
                    ps.setLong(7, b.volume());
                    ps.setDouble(8, b.adjClose());
                    ps.addBatch();
                }
                try {
                    ps.executeBatch();
                } catch (BatchUpdateException e) {
                    throw rejected(symbol, bars, e);
                }
            }
            return bars.size();
        });
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

    /** Symbol, first and last date, and bar count of every symbol held, by symbol. */
    public List<SymbolCoverage> coverage() {
        return store.read("read the data coverage", c -> {
            List<SymbolCoverage> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT symbol, MIN(bar_date), MAX(bar_date), COUNT(*) FROM bars GROUP BY symbol ORDER BY symbol");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SymbolCoverage(rs.getString(1), rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class), rs.getInt(4)));
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
