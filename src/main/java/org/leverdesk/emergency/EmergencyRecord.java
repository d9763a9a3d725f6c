package org.leverdesk.emergency;

import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.domain.OrderStatus;

/**
 * Where an emergency exit records what it does: the trading state (HALTED), the journal and the
 * stored orders' statuses. {@link #unavailable} is the variant for a store that cannot be opened
 * (held by a process that does not answer): the broker part still runs and the report says what
 * could not be recorded.
 */
public interface EmergencyRecord {
    /** Sets the trading state to HALTED with {@code reason}; throws when it cannot be stored. */
    void halt(String reason);

    /** Appends one step to the journal (kind "emergency"); may throw. */
    void journal(String strategyId, String message);

    /** Stores the broker's final status of a recorded order; false when the store does not know the order. */
    boolean orderStatus(String clientOrderId, OrderStatus status, String brokerOrderId);

    /**
     * How {@code strategyId}'s part of each option on {@code roots} is told from the other strategies' (decision
     * record 0031), from what the store recorded; throws when it cannot be told (no store).
     */
    default org.leverdesk.broker.PositionOwnership ownership(String strategyId, java.util.Set<String> roots) {
        throw new IllegalStateException(problem() != null ? problem() : "this record has no store to tell it from");
    }

    /** The strategy of each order the store holds open, by broker order id; may throw (no store). */
    default java.util.Map<String, String> openOrderOwners() {
        throw new IllegalStateException(problem() != null ? problem() : "this record has no store to read orders from");
    }

    /**
     * Records, before it is sent, an order that closes {@code strategyId}'s part of a contract other strategies hold
     * too, under that strategy: the split of shared contracts counts each strategy's own orders, so the part it closed
     * leaves its count and not another's. May throw (the close is still sent, and the report says it was not recorded).
     */
    default void closingOrder(String strategyId, OrderRequest request) {
        throw new IllegalStateException(problem() != null ? problem() : "this record has no store to record orders in");
    }

    /** Records what became of an order {@link #closingOrder} recorded (its status, fill and broker id); may throw. */
    default void closingOutcome(BrokerOrder order) {
        throw new IllegalStateException(problem() != null ? problem() : "this record has no store to record orders in");
    }

    /** Null when recording works, else why it does not (the report says so). */
    default String problem() {
        return null;
    }

    /** A record that can store nothing, because of {@code why}. */
    static EmergencyRecord unavailable(String why) {
        return new EmergencyRecord() {
            @Override
            public void halt(String reason) {
                throw new IllegalStateException(why);
            }

            @Override
            public void journal(String strategyId, String message) {
                // nothing can be written; the report carries every step instead
            }

            @Override
            public boolean orderStatus(String clientOrderId, OrderStatus status, String brokerOrderId) {
                return false;
            }

            @Override
            public String problem() {
                return why;
            }
        };
    }
}
