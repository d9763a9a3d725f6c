package org.leverdesk.store;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.leverdesk.riskguard.GuardState;
import org.leverdesk.riskguard.GuardStates;

/**
 * The RiskGuard's state per strategy in the store (table {@code risk_guard_state}, migration V17): one row a
 * strategy, replaced after each run in one statement, so a kill leaves the previous row or the new one.
 */
public final class GuardStateRepository implements GuardStates {
    private final Store store;
    private final Clock clock;

    public GuardStateRepository(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public GuardState load(String strategyId) {
        return store.read("read the risk guard's state", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM risk_guard_state WHERE strategy_id = ?")) {
                ps.setString(1, strategyId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return GuardState.EMPTY;
                    }
                    Date stop = rs.getDate("last_stop");
                    return new GuardState(rs.getDate("last_day").toLocalDate(), rs.getDouble("last_equity"),
                            rs.getDouble("previous_equity"), rs.getDouble("peak_equity"), rs.getDouble("week_start_equity"),
                            stop == null ? null : stop.toLocalDate(), rs.getInt("trades_today"), split(rs.getString("opened_today")),
                            split(rs.getString("day_trades")).stream().map(LocalDate::parse).toList());
                }
            }
        });
    }

    /** Every strategy's stored state, by strategy id. */
    public java.util.Map<String, GuardState> all() {
        List<String> ids = store.read("list the risk guard's states", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT strategy_id FROM risk_guard_state ORDER BY strategy_id");
                 ResultSet rs = ps.executeQuery()) {
                List<String> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
        java.util.Map<String, GuardState> out = new java.util.TreeMap<>();
        ids.forEach(id -> out.put(id, load(id)));
        return out;
    }

    @Override
    public void save(String strategyId, GuardState s) {
        if (s.lastDay() == null) {
            return;
        }
        store.inTransaction("store the risk guard's state", c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO risk_guard_state (strategy_id, last_day, last_equity,"
                    + " previous_equity, peak_equity, week_start_equity, last_stop, trades_today, opened_today, day_trades,"
                    + " updated_at) KEY (strategy_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, strategyId);
                ps.setDate(2, Date.valueOf(s.lastDay()));
                ps.setBigDecimal(3, BigDecimal.valueOf(s.lastEquity()));
                ps.setBigDecimal(4, BigDecimal.valueOf(s.previousEquity()));
                ps.setBigDecimal(5, BigDecimal.valueOf(s.peakEquity()));
                ps.setBigDecimal(6, BigDecimal.valueOf(s.weekStartEquity()));
                ps.setDate(7, s.lastStop() == null ? null : Date.valueOf(s.lastStop()));
                ps.setInt(8, s.tradesToday());
                ps.setString(9, String.join(",", s.openedToday()));
                ps.setString(10, String.join(",", s.dayTrades().stream().map(LocalDate::toString).toList()));
                Jdbc.setInstant(ps, 11, clock.instant());
                return ps.executeUpdate();
            }
        });
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::trim).toList();
    }
}
