package org.leverdesk.store;

import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.domain.OrderType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.h2.api.ErrorCode;
import org.leverdesk.domain.Side;

/** Order intents and their status, recorded before an order is sent and updated from the broker. */
public final class OrderRepository {
    private static final String COLUMNS = "id, client_order_id, strategy_id, trading_day, leg, symbol, side, quantity,"
            + " order_type, time_in_force, limit_price, stop_price, status, broker_order_id, created_at, updated_at,"
            + " filled_quantity, filled_avg_price, status_reason";

    private final Store store;
    private final Clock clock;

    public OrderRepository(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Records {@code intent} with status NEW and returns it.
     *
     * @throws DuplicateOrderException when its client order id is already recorded
     */
    public StoredOrder insertIntent(OrderIntent intent) {
        Instant now = clock.instant();
        long id = store.inTransaction("record order " + intent.clientOrderId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (client_order_id, strategy_id, trading_day,"
                    + " leg, symbol, side, quantity, order_type, time_in_force, limit_price, stop_price, status,"
                    + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, intent.clientOrderId());
                ps.setString(2, intent.strategyId());
                ps.setObject(3, intent.tradingDay());
                ps.setString(4, intent.leg());
                ps.setString(5, intent.symbol());
                ps.setString(6, intent.side().name());
                ps.setBigDecimal(7, intent.quantity());
                ps.setString(8, intent.type().name());
                ps.setString(9, intent.timeInForce().name());
                Jdbc.setDecimal(ps, 10, intent.limitPrice());
                Jdbc.setDecimal(ps, 11, intent.stopPrice());
                ps.setString(12, OrderStatus.NEW.name());
                Jdbc.setInstant(ps, 13, now);
                Jdbc.setInstant(ps, 14, now);
                ps.executeUpdate();
                return Jdbc.generatedId(ps);
            } catch (SQLException e) {
                if (isDuplicateClientOrderId(e)) {
                    throw new DuplicateOrderException(intent.clientOrderId(), e);
                }
                throw e;
            }
        });
        return new StoredOrder(id, intent, OrderStatus.NEW, null, now, now);
    }

    private static boolean isDuplicateClientOrderId(SQLException e) {
        return e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1
                && String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT).contains("UQ_ORDERS_CLIENT_ORDER_ID");
    }

    /** The order with {@code clientOrderId}, or empty. */
    public Optional<StoredOrder> findByClientOrderId(String clientOrderId) {
        return store.read("find order " + clientOrderId, c -> find(c, clientOrderId, false));
    }

    /**
     * Sets the status of order {@code clientOrderId} and, when given, the broker's order id. A final
     * status (FILLED, CANCELED, REJECTED, EXPIRED) never changes again, and a broker order id once
     * set cannot be replaced by another; both are refused with a {@link StoreException}.
     */
    public StoredOrder updateStatus(String clientOrderId, OrderStatus status, String brokerOrderId) {
        return recordOutcome(clientOrderId, status, brokerOrderId, null, null, null);
    }

    /**
     * Like {@link #updateStatus}, and also records how much filled ({@code filledQuantity}, never less than
     * what was recorded before: fills are not undone) at what average price, and why the order ended
     * ({@code reason}, kept once set). Null arguments keep what is stored.
     */
    public StoredOrder recordOutcome(String clientOrderId, OrderStatus status, String brokerOrderId,
                                     java.math.BigDecimal filledQuantity, java.math.BigDecimal filledAveragePrice,
                                     String reason) {
        Instant now = clock.instant();
        return store.inTransaction("update order " + clientOrderId, c -> {
            StoredOrder current = find(c, clientOrderId, true).orElseThrow(() -> new StoreException(
                    "no order with client order id " + clientOrderId + " is recorded; record its intent first"));
            if (current.status().isFinal() && current.status() != status) {
                throw new StoreException("order " + clientOrderId + " is already " + current.status()
                        + " and cannot become " + status + "; check the broker's report for a stale update");
            }
            if (brokerOrderId != null && current.brokerOrderId() != null && !current.brokerOrderId().equals(brokerOrderId)) {
                throw new StoreException("order " + clientOrderId + " already has broker order id " + current.brokerOrderId()
                        + " and cannot take " + brokerOrderId + "; the broker reported two orders for one intent");
            }
            String broker = brokerOrderId != null ? brokerOrderId : current.brokerOrderId();
            java.math.BigDecimal filled = filledQuantity == null || filledQuantity.compareTo(current.filledQuantity()) < 0
                    ? current.filledQuantity() : filledQuantity;
            java.math.BigDecimal average = filledAveragePrice != null && filled.signum() > 0
                    ? filledAveragePrice.setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                    : current.filledAveragePrice();
            String why = current.statusReason() != null ? current.statusReason() : clip(reason);
            try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET status = ?, broker_order_id = ?, updated_at = ?,"
                    + " filled_quantity = ?, filled_avg_price = ?, status_reason = ? WHERE id = ?")) {
                ps.setString(1, status.name());
                ps.setString(2, broker);
                Jdbc.setInstant(ps, 3, now);
                ps.setBigDecimal(4, filled);
                Jdbc.setDecimal(ps, 5, average);
                ps.setString(6, why);
                ps.setLong(7, current.id());
                ps.executeUpdate();
            }
            return new StoredOrder(current.id(), current.intent(), status, broker, current.createdAt(), now, filled, average,
                    why);
        });
    }

    private static String clip(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
    }

    /** How many orders were recorded for trading day {@code day}, whatever became of them (the orders-a-day limit). */
    public int countForDay(java.time.LocalDate day) {
        return store.read("count the orders of " + day, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM orders WHERE trading_day = ?")) {
                ps.setObject(1, day);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** The newest {@code n} orders by creation (latest first), whatever their status: the order history. */
    public List<StoredOrder> recent(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("the number of orders must not be negative (got " + n + ")");
        }
        return store.read("read the order history", c -> {
            List<StoredOrder> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM orders ORDER BY created_at DESC, id DESC FETCH FIRST ? ROWS ONLY")) {
                ps.setInt(1, n);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(order(rs));
                    }
                }
            }
            return out;
        });
    }

    private static Optional<StoredOrder> find(Connection c, String clientOrderId, boolean forUpdate) throws SQLException {
        // FOR UPDATE locks the row so two threads updating one order cannot both pass the checks.
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM orders WHERE client_order_id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, clientOrderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(order(rs)) : Optional.empty();
            }
        }
    }

    private static StoredOrder order(ResultSet rs) throws SQLException {
        OrderIntent intent = new OrderIntent(rs.getString("client_order_id"), rs.getString("strategy_id"),
                rs.getObject("trading_day", LocalDate.class), rs.getString("leg"), rs.getString("symbol"),
                Side.valueOf(rs.getString("side")), rs.getBigDecimal("quantity"),
                OrderType.valueOf(rs.getString("order_type")), TimeInForce.valueOf(rs.getString("time_in_force")),
                rs.getBigDecimal("limit_price"), rs.getBigDecimal("stop_price"));
        java.math.BigDecimal filled = rs.getBigDecimal("filled_quantity");
        java.math.BigDecimal average = rs.getBigDecimal("filled_avg_price");
        return new StoredOrder(rs.getLong("id"), intent, OrderStatus.valueOf(rs.getString("status")),
                rs.getString("broker_order_id"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"),
                filled == null ? null : filled.stripTrailingZeros(), average == null ? null : average.stripTrailingZeros(),
                rs.getString("status_reason"));
    }
}
