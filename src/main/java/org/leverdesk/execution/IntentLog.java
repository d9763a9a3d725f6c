package org.leverdesk.execution;

import java.util.Optional;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.store.DuplicateOrderException;
import org.leverdesk.store.OrderIntent;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.StoreException;
import org.leverdesk.store.StoredOrder;

/**
 * Where order intents are written before they are sent: the store for paper and live trading (so a
 * crash never loses or doubles an order), nowhere in a backtest (the simulated broker, which cannot
 * crash, keeps every order itself).
 */
public interface IntentLog {
    /** The intent recorded under {@code clientOrderId}, if any. */
    Optional<StoredOrder> find(String clientOrderId);

    /** Records {@code intent} (status NEW) before it is sent. */
    void insert(OrderIntent intent) throws DuplicateOrderException;

    /** Moves a recorded intent to {@code status}; null when it could not (logged by the caller's journal). */
    StoredOrder update(String clientOrderId, OrderStatus status, String brokerOrderId) throws StoreException;

    /**
     * Like {@link #update}, with how much filled at what average price and why the order ended (each may
     * be null: unknown).
     */
    default StoredOrder record(String clientOrderId, OrderStatus status, String brokerOrderId,
                               java.math.BigDecimal filledQuantity, java.math.BigDecimal filledAveragePrice, String reason)
            throws StoreException {
        return update(clientOrderId, status, brokerOrderId);
    }

    /** Records nothing: for backtests. */
    IntentLog NONE = new IntentLog() {
        @Override
        public Optional<StoredOrder> find(String clientOrderId) {
            return Optional.empty();
        }

        @Override
        public void insert(OrderIntent intent) {
        }

        @Override
        public StoredOrder update(String clientOrderId, OrderStatus status, String brokerOrderId) {
            return null;
        }
    };

    /** The store's orders table. */
    static IntentLog of(OrderRepository orders) {
        return new IntentLog() {
            @Override
            public Optional<StoredOrder> find(String clientOrderId) {
                return orders.findByClientOrderId(clientOrderId);
            }

            @Override
            public void insert(OrderIntent intent) {
                orders.insertIntent(intent);
            }

            @Override
            public StoredOrder update(String clientOrderId, OrderStatus status, String brokerOrderId) {
                return orders.updateStatus(clientOrderId, status, brokerOrderId);
            }

            @Override
            public StoredOrder record(String clientOrderId, OrderStatus status, String brokerOrderId,
                                      java.math.BigDecimal filledQuantity, java.math.BigDecimal filledAveragePrice,
                                      String reason) {
                return orders.recordOutcome(clientOrderId, status, brokerOrderId, filledQuantity, filledAveragePrice, reason);
            }
        };
    }
}
