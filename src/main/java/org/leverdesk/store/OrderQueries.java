package org.leverdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Lists of recorded orders (for reconciliation and the orders command); single orders load through {@link OrderRepository}. */
public final class OrderQueries {
    private final Store store;
    private final OrderRepository orders;

    public OrderQueries(Store store, OrderRepository orders) {
        this.store = store;
        this.orders = orders;
    }

    /** Orders whose status can still change (NEW, SUBMITTED, ACCEPTED, PARTIALLY_FILLED), oldest first. */
    public List<StoredOrder> notFinal() {
        return load("SELECT client_order_id FROM orders WHERE status IN ('NEW', 'SUBMITTED', 'ACCEPTED', 'PARTIALLY_FILLED')"
                + " ORDER BY id", -1);
    }

    /** The newest {@code n} orders, newest first. */
    public List<StoredOrder> recent(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("the number of orders must not be negative (got " + n + ")");
        }
        return load("SELECT client_order_id FROM orders ORDER BY id DESC FETCH FIRST ? ROWS ONLY", n);
    }

    private List<StoredOrder> load(String sql, int limit) {
        List<String> ids = store.read("list orders", c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (limit >= 0) {
                    ps.setInt(1, limit);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
        // One row read per order keeps the row mapping in OrderRepository; the lists are short (a few a day).
        return ids.stream().map(id -> orders.findByClientOrderId(id).orElseThrow()).toList();
    }
}
