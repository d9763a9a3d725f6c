package org.leverdesk.execution;

import org.leverdesk.domain.OrderStatus;

/**
 * What happened to one planned order in a run. {@code status} is the stored (or, in a dry run, the
 * would-be) status; {@code brokerOrderId} is null until the broker confirmed the order.
 */
public record OrderOutcome(PlannedOrder order, Kind kind, OrderStatus status, String brokerOrderId, String detail) {
    /** How the order ended in this run. */
    public enum Kind {
        /** Sent now and accepted by the broker. */
        SENT,
        /** Its intent was already recorded (the day's job ran before): not sent again, status refreshed. */
        ALREADY_SENT,
        /** The broker already had its client order id (422): that order was adopted. */
        ADOPTED,
        /** The send timed out or failed, and a look-up by client order id found the order. */
        RECOVERED,
        /** The outcome is unknown (no answer and no order found); the next reconciliation settles it. */
        UNKNOWN,
        /** The broker refused it. */
        REJECTED,
        /** The risk gate (trading state) refused it. */
        DENIED,
        /** Dry run: planned and gated, not sent. */
        DRY_RUN,
        /**
         * A buy of a decision made after the close: it waits for the next open, when the decision's sells
         * have filled, and is sent then sized against the buying power and quotes of that moment.
         */
        DEFERRED,
        /**
         * A market-on-open order decided while Alpaca refuses them (09:28-19:00 ET): its intent is recorded
         * now and it is released (sent under the same client order id) at 19:00 ET, or before 09:28 ET the
         * next trading day when the release is caught up after a restart.
         */
        HELD
    }
}
