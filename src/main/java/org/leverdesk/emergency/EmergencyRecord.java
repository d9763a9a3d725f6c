package org.leverdesk.emergency;

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
