package org.leverdesk.broker;

import java.util.List;

/**
 * What "cancel every open order" did: the orders the broker took a cancel request for (in the state
 * they are in now: cancelled, still pending cancel, or filled before the cancel arrived) and, one per
 * order, the ones it could not cancel with the reason. An order still open afterwards that the broker
 * did not mention is a failure too, so a panic report never shows a clean slate that is not one.
 */
public record CancelReport(List<BrokerOrder> requested, List<Failure> failures) {
    public CancelReport {
        requested = List.copyOf(requested);
        failures = List.copyOf(failures);
    }

    /** One order the broker did not cancel: its broker id, what is known of it (may be null), and why. */
    public record Failure(String brokerOrderId, BrokerOrder order, String reason) {
    }

    /** True when every open order was asked to cancel. */
    public boolean complete() {
        return failures.isEmpty();
    }
}
