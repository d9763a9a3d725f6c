package org.leverdesk.broker.paper;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.Quote;
import org.leverdesk.broker.sim.SimChanges;
import org.leverdesk.broker.sim.SimDividend;
import org.leverdesk.broker.sim.SimFill;
import org.leverdesk.broker.sim.SimHolding;
import org.leverdesk.broker.sim.SimOptionEvent;
import org.leverdesk.broker.sim.SimOrder;
import org.leverdesk.broker.sim.SimState;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.store.Store;

/**
 * Reads and writes the paper broker's state in the {@code paper_*} tables of the store, or in the
 * {@code demo_paper_*} tables for the account that trades the simulated DEMO market: the two accounts
 * never share cash, positions or orders.
 */
final class PaperStore {
    /** The table prefix of the account trading the simulated demo market. */
    static final String DEMO = "demo_";

    private final Store store;
    private final String prefix;

    PaperStore(Store store) {
        this(store, "");
    }

    PaperStore(Store store, String prefix) {
        this.store = store;
        this.prefix = prefix;
    }

    /** {@code sql} with its paper tables renamed to this account's. */
    private String sql(String sql) {
        return prefix.isEmpty() ? sql : sql.replaceAll("\\bpaper_", prefix + "paper_");
    }

    /** The saved state and its starting capital, or empty when the paper account was never used. */
    Optional<Saved> load() {
        return store.read("load the paper account", c -> {
            SimState head;
            BigDecimal capital;
            try (ResultSet rs = c.createStatement().executeQuery(sql(
                    "SELECT starting_capital, cash, last_equity, market_open, next_order_number, clock_at FROM paper_account WHERE id = 1"))) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                capital = rs.getBigDecimal("starting_capital");
                head = new SimState(rs.getBigDecimal("cash"), rs.getBigDecimal("last_equity"), rs.getBoolean("market_open"),
                        rs.getLong("next_order_number"), instant(rs, "clock_at"), List.of(), List.of(), List.of());
            }
            return Optional.of(new Saved(capital, new SimState(head.cash(), head.lastEquity(), head.marketOpen(),
                    head.nextOrderNumber(), head.now(), holdings(c), orders(c), quotes(c))));
        });
    }

    private List<SimHolding> holdings(Connection c) throws SQLException {
        List<SimHolding> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql("SELECT symbol, quantity, average_cost FROM paper_positions ORDER BY symbol"))) {
            while (rs.next()) {
                out.add(new SimHolding(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)));
            }
        }
        return out;
    }

    private List<SimOrder> orders(Connection c) throws SQLException {
        List<SimOrder> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql("SELECT * FROM paper_orders ORDER BY order_number"))) {
            while (rs.next()) {
                BrokerOrder o = new BrokerOrder(rs.getString("broker_order_id"), rs.getString("client_order_id"),
                        rs.getString("symbol"), Side.valueOf(rs.getString("side")), rs.getBigDecimal("quantity"),
                        rs.getBigDecimal("filled_quantity"), rs.getBigDecimal("filled_average_price"),
                        OrderType.valueOf(rs.getString("order_type")), TimeInForce.valueOf(rs.getString("time_in_force")),
                        rs.getBigDecimal("limit_price"), rs.getBigDecimal("stop_price"), OrderStatus.valueOf(rs.getString("status")),
                        instant(rs, "submitted_at"), instant(rs, "updated_at"), rs.getString("reject_reason"));
                out.add(new SimOrder(rs.getLong("order_number"), o, rs.getBigDecimal("reserve_price"), rs.getBoolean("stop_triggered")));
            }
        }
        return out;
    }

    private List<Quote> quotes(Connection c) throws SQLException {
        List<Quote> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql("SELECT symbol, bid, ask, last, quoted_at FROM paper_quotes"))) {
            while (rs.next()) {
                out.add(new Quote(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), instant(rs, "quoted_at")));
            }
        }
        return out;
    }

    /** Writes the account row and everything in {@code changes} in one transaction. */
    void save(BigDecimal capital, SimState head, SimChanges changes) {
        save(capital, head, changes, List.of());
    }

    /** Writes the account row, everything in {@code changes} and the option {@code events} in one transaction. */
    void save(BigDecimal capital, SimState head, SimChanges changes, List<SimOptionEvent> events) {
        store.inTransaction("save the paper account", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql("MERGE INTO paper_account (id, starting_capital, cash, last_equity,"
                    + " market_open, next_order_number, clock_at) KEY (id) VALUES (1, ?, ?, ?, ?, ?, ?)"))) {
                ps.setBigDecimal(1, capital);
                ps.setBigDecimal(2, head.cash());
                ps.setBigDecimal(3, head.lastEquity());
                ps.setBoolean(4, head.marketOpen());
                ps.setLong(5, head.nextOrderNumber());
                setInstant(ps, 6, head.now());
                ps.executeUpdate();
            }
            // Orders before fills: a fill refers to its order.
            saveOrders(c, changes.orders());
            saveHoldings(c, changes.holdings(), changes.closedSymbols());
            saveFills(c, changes.fills());
            saveQuotes(c, changes.quotes());
            saveDividends(c, changes.dividends());
            saveSplits(c, changes.splits());
            PaperOptionEvents.save(c, prefix, events);
            return null;
        });
    }

    private void saveDividends(Connection c, List<SimDividend> dividends) throws SQLException {
        if (dividends.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql("INSERT INTO paper_dividends (symbol, ex_date, per_share, quantity,"
                + " amount, paid_at) VALUES (?, ?, ?, ?, ?, ?)"))) {
            for (SimDividend d : dividends) {
                ps.setString(1, d.symbol());
                ps.setObject(2, exDate(d));
                ps.setBigDecimal(3, d.perShare());
                ps.setBigDecimal(4, d.quantity());
                ps.setBigDecimal(5, d.amount());
                setInstant(ps, 6, d.at());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void saveSplits(Connection c, List<org.leverdesk.broker.sim.SimSplit> splits) throws SQLException {
        if (splits.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql("INSERT INTO paper_splits (symbol, ex_date, ratio, quantity_before,"
                + " quantity_after, cash_in_lieu, orders_adjusted, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))) {
            for (org.leverdesk.broker.sim.SimSplit s : splits) {
                ps.setString(1, s.symbol());
                ps.setObject(2, s.exDate());
                ps.setString(3, s.ratio());
                ps.setBigDecimal(4, s.quantityBefore());
                ps.setBigDecimal(5, s.quantityAfter());
                ps.setBigDecimal(6, s.cashInLieu());
                ps.setInt(7, s.ordersAdjusted());
                setInstant(ps, 8, s.at());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every split the account applied, oldest first. */
    List<org.leverdesk.broker.sim.SimSplit> splits() {
        return store.read("list the paper account's splits", c -> {
            List<org.leverdesk.broker.sim.SimSplit> out = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(sql("SELECT * FROM paper_splits ORDER BY ex_date, symbol"))) {
                while (rs.next()) {
                    out.add(new org.leverdesk.broker.sim.SimSplit(rs.getString("symbol"), rs.getObject("ex_date", java.time.LocalDate.class),
                            rs.getString("ratio"), rs.getBigDecimal("quantity_before"), rs.getBigDecimal("quantity_after"),
                            rs.getBigDecimal("cash_in_lieu"), rs.getInt("orders_adjusted"), instant(rs, "applied_at")));
                }
            }
            return out;
        });
    }

    /** The New York date a dividend was paid on: its ex-date. */
    static java.time.LocalDate exDate(SimDividend d) {
        return d.at().atZone(org.leverdesk.market.calendar.NyseCalendar.ZONE).toLocalDate();
    }

    /** Every dividend paid so far, as "SYMBOL@yyyy-mm-dd" keys (each is paid once). */
    java.util.Set<String> paidDividends() {
        return store.read("list the paper account's dividends", c -> {
            java.util.Set<String> out = new java.util.HashSet<>();
            try (ResultSet rs = c.createStatement().executeQuery(sql("SELECT symbol, ex_date FROM paper_dividends"))) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "@" + rs.getObject(2, java.time.LocalDate.class));
                }
            }
            return out;
        });
    }

    /** Every dividend paid, oldest first. */
    List<SimDividend> dividends() {
        return store.read("list the paper account's dividends", c -> {
            List<SimDividend> out = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(sql(
                    "SELECT symbol, per_share, quantity, amount, paid_at FROM paper_dividends ORDER BY paid_at, symbol"))) {
                while (rs.next()) {
                    out.add(new SimDividend(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                            instant(rs, "paid_at")));
                }
            }
            return out;
        });
    }

    private void saveOrders(Connection c, List<SimOrder> orders) throws SQLException {
        if (orders.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql("MERGE INTO paper_orders (broker_order_id, order_number, client_order_id,"
                + " symbol, side, quantity, filled_quantity, filled_average_price, order_type, time_in_force, limit_price,"
                + " stop_price, status, submitted_at, updated_at, reject_reason, reserve_price, stop_triggered)"
                + " KEY (broker_order_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))) {
            for (SimOrder s : orders) {
                BrokerOrder o = s.order();
                ps.setString(1, o.brokerOrderId());
                ps.setLong(2, s.number());
                ps.setString(3, o.clientOrderId());
                ps.setString(4, o.symbol());
                ps.setString(5, o.side().name());
                ps.setBigDecimal(6, o.quantity());
                ps.setBigDecimal(7, o.filledQuantity());
                setDecimal(ps, 8, o.filledAveragePrice());
                ps.setString(9, o.type().name());
                ps.setString(10, o.timeInForce().name());
                setDecimal(ps, 11, o.limitPrice());
                setDecimal(ps, 12, o.stopPrice());
                ps.setString(13, o.status().name());
                setInstant(ps, 14, o.submittedAt());
                setInstant(ps, 15, o.updatedAt());
                ps.setString(16, o.rejectReason());
                ps.setBigDecimal(17, s.reservePrice());
                ps.setBoolean(18, s.stopTriggered());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void saveHoldings(Connection c, List<SimHolding> holdings, List<String> closed) throws SQLException {
        try (PreparedStatement put = c.prepareStatement(sql(
                "MERGE INTO paper_positions (symbol, quantity, average_cost) KEY (symbol) VALUES (?, ?, ?)"));
             PreparedStatement delete = c.prepareStatement(sql("DELETE FROM paper_positions WHERE symbol = ?"))) {
            for (SimHolding h : holdings) {
                put.setString(1, h.symbol());
                put.setBigDecimal(2, h.quantity());
                put.setBigDecimal(3, h.averageCost());
                put.executeUpdate();
            }
            for (String symbol : closed) {
                delete.setString(1, symbol);
                delete.executeUpdate();
            }
        }
    }

    private void saveFills(Connection c, List<SimFill> fills) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql("INSERT INTO paper_fills (fill_id, broker_order_id, symbol, side,"
                + " quantity, price, commission, filled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))) {
            for (SimFill f : fills) {
                ps.setString(1, f.fillId());
                ps.setString(2, f.brokerOrderId());
                ps.setString(3, f.symbol());
                ps.setString(4, f.side().name());
                ps.setBigDecimal(5, f.quantity());
                ps.setBigDecimal(6, f.price());
                ps.setBigDecimal(7, f.commission());
                setInstant(ps, 8, f.at());
                ps.executeUpdate();
            }
        }
    }

    private void saveQuotes(Connection c, List<Quote> quotes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql(
                "MERGE INTO paper_quotes (symbol, bid, ask, last, quoted_at) KEY (symbol) VALUES (?, ?, ?, ?, ?)"))) {
            for (Quote q : quotes) {
                ps.setString(1, q.symbol());
                ps.setDouble(2, q.bid());
                ps.setDouble(3, q.ask());
                ps.setDouble(4, q.last());
                setInstant(ps, 5, q.at());
                ps.executeUpdate();
            }
        }
    }

    /** Every option event of the paper account, oldest first. */
    List<SimOptionEvent> optionEvents() {
        return PaperOptionEvents.list(store, prefix);
    }

    /** Every fill of the paper account, oldest first (for the order history). */
    List<SimFill> fills() {
        return store.read("read the paper fills", c -> {
            List<SimFill> out = new ArrayList<>();
            // Expiry, assignment and exercise fills have no order (V14): they come at their close, after its orders' fills.
            try (ResultSet rs = c.createStatement().executeQuery(sql("SELECT f.* FROM paper_fills f"
                    + " LEFT JOIN paper_orders o ON o.broker_order_id = f.broker_order_id"
                    + " ORDER BY f.filled_at, COALESCE(o.order_number, 9223372036854775807), f.fill_id"))) {
                while (rs.next()) {
                    out.add(new SimFill(rs.getString("fill_id"), rs.getString("broker_order_id"), rs.getString("symbol"),
                            Side.valueOf(rs.getString("side")), rs.getBigDecimal("quantity"), rs.getBigDecimal("price"),
                            rs.getBigDecimal("commission"), instant(rs, "filled_at")));
                }
            }
            return out;
        });
    }

    private static void setDecimal(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DECIMAL);
        } else {
            ps.setBigDecimal(i, v);
        }
    }

    private static void setInstant(PreparedStatement ps, int i, Instant v) throws SQLException {
        ps.setObject(i, OffsetDateTime.ofInstant(v, ZoneOffset.UTC));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** What {@link #load} found: the capital the account (last) started with and its state. */
    record Saved(BigDecimal startingCapital, SimState state) {
    }
}
