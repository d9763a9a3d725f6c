package org.leverdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a whole database the way a check should: every row of every table with every value (large
 * objects included), and every index from end to end, each compared with the table's row count. H2
 * verifies each page's checksum as it reads it, so a damaged page shows up as a problem here instead of
 * at the moment a trader needs the row.
 *
 * @param tables  tables read
 * @param rows    rows read
 * @param indexes indexes read
 * @param problems one line per problem found; empty when the store is sound
 */
public record StoreIntegrity(int tables, long rows, int indexes, List<String> problems) {
    public StoreIntegrity {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** Reads everything in the PUBLIC schema through {@code c}. */
    static StoreIntegrity scan(Connection c) throws SQLException {
        Map<String, List<String[]>> indexesByTable = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                    + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT i.TABLE_NAME, i.INDEX_NAME, c.COLUMN_NAME FROM INFORMATION_SCHEMA.INDEXES i"
                    + " JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME"
                    + " AND c.ORDINAL_POSITION = 1 WHERE i.TABLE_SCHEMA = 'PUBLIC' ORDER BY i.TABLE_NAME, i.INDEX_NAME")) {
                while (rs.next()) {
                    indexesByTable.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                            .add(new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        List<String> problems = new ArrayList<>();
        long rows = 0;
        int indexes = 0;
        for (String table : tables) {
            try {
                long counted = count(c, "SELECT COUNT(*) FROM " + name(table));
                long read = readAll(c, table);
                rows += read;
                if (read != counted) {
                    problems.add("table " + table + ": " + read + " rows read but " + counted + " counted");
                }
                for (String[] index : indexesByTable.getOrDefault(table, List.of())) {
                    indexes++;
                    long entries = readRows(c, "SELECT " + quoted(index[1]) + " FROM " + name(table) + " USE INDEX ("
                            + quoted(index[0]) + ")");
                    if (entries != read) {
                        problems.add("index " + index[0] + " of " + table + ": " + entries + " entries for " + read + " rows");
                    }
                }
            } catch (SQLException | IOException e) {
                problems.add("table " + table + ": " + (e instanceof SQLException sql ? Store.reason(sql) : e.getMessage()));
            }
        }
        return new StoreIntegrity(tables.size(), rows, indexes, problems);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long readRows(Connection c, String sql) throws SQLException {
        long n = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    private static long readAll(Connection c, String table) throws SQLException, IOException {
        long n = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + name(table))) {
            int columns = rs.getMetaData().getColumnCount();
            char[] chars = new char[8192];
            byte[] bytes = new byte[8192];
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof Clob clob) {
                        try (Reader r = clob.getCharacterStream()) {
                            while (r.read(chars) >= 0) {
                                // read to the end: a damaged page fails here
                            }
                        }
                    } else if (value instanceof Blob blob) {
                        try (InputStream in = blob.getBinaryStream()) {
                            while (in.read(bytes) >= 0) {
                                // read to the end: a damaged page fails here
                            }
                        }
                    }
                }
                n++;
            }
        }
        return n;
    }

    private static String name(String table) {
        return "PUBLIC." + quoted(table);
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
