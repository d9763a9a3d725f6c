package org.leverdesk.ui.orders;

import java.util.List;
import org.leverdesk.store.StoredOrder;

/** The order history the Orders view lists; bound to {@code OrderRepository::recent}. */
@FunctionalInterface
public interface OrderHistory {
    /** The newest {@code limit} orders, latest first. */
    List<StoredOrder> recent(int limit);
}
