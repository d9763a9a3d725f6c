package org.leverdesk.domain;

/** Life cycle of an order: NEW is written before sending; FILLED, CANCELED, REJECTED and EXPIRED are final. */
public enum OrderStatus {
    NEW, SUBMITTED, ACCEPTED, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED;

    /** True when the order can no longer change. */
    public boolean isFinal() {
        return this == FILLED || this == CANCELED || this == REJECTED || this == EXPIRED;
    }
}
