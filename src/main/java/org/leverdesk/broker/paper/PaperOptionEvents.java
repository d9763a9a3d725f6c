package org.leverdesk.broker.paper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.leverdesk.broker.sim.SimOptionEvent;
import org.leverdesk.store.Store;

/**
 * The paper account's option events (expiry, assignment, exercise) in {@code paper_option_events} (V14):
 * written in the same transaction as the fills they caused, read by the journal and the Options view.
 */
final class PaperOptionEvents {
    private PaperOptionEvents() {
    }

    /** @param prefix the account's table prefix ("" or {@link PaperStore#DEMO}) */
    static void save(Connection c, String prefix, List<SimOptionEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + prefix + "paper_option_events (fill_id, kind, expiry_day, option_symbol,"
                + " underlying, contracts, shares, strike, underlying_close, cash, share_fill_id, happened_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (SimOptionEvent e : events) {
                ps.setString(1, e.optionFillId());
                ps.setString(2, e.kind().name());
                ps.setObject(3, e.day());
                ps.setString(4, e.optionSymbol());
                ps.setString(5, e.underlying());
                ps.setBigDecimal(6, e.contracts());
                ps.setBigDecimal(7, e.shares());
                ps.setBigDecimal(8, e.strike());
                ps.setDouble(9, e.underlyingClose());
                ps.setBigDecimal(10, e.cash());
                ps.setString(11, e.shareFillId());
                ps.setObject(12, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every option event of the paper account in {@code store}, oldest first. */
    static List<SimOptionEvent> list(Store store, String prefix) {
        return store.read("list the paper account's option events", c -> {
            List<SimOptionEvent> out = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + prefix + "paper_option_events ORDER BY happened_at, fill_id")) {
                while (rs.next()) {
                    out.add(new SimOptionEvent(SimOptionEvent.Kind.valueOf(rs.getString("kind")),
                            rs.getObject("expiry_day", LocalDate.class), rs.getString("option_symbol"), rs.getString("underlying"),
                            rs.getBigDecimal("contracts"), rs.getBigDecimal("shares"), rs.getBigDecimal("strike"),
                            rs.getDouble("underlying_close"), rs.getBigDecimal("cash"), rs.getString("fill_id"),
                            rs.getString("share_fill_id"), rs.getObject("happened_at", OffsetDateTime.class).toInstant()));
                }
            }
            return out;
        });
    }
}
