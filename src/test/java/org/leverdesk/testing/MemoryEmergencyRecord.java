package org.leverdesk.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.emergency.EmergencyRecord;

/**
 * An emergency record in memory, for tests of the window's emergency closes: the halt and each journal line in order
 * ("HALTED", "strategy: message" or just the message for the account's own lines); no store, so no order statuses.
 */
public final class MemoryEmergencyRecord implements EmergencyRecord {
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final boolean withStrategy;

    /** @param withStrategy true to write each journal line as "strategy: message" */
    public MemoryEmergencyRecord(boolean withStrategy) {
        this.withStrategy = withStrategy;
    }

    /** What was recorded so far, in order. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void halt(String reason) {
        lines.add("HALTED");
    }

    @Override
    public void journal(String strategyId, String message) {
        lines.add(withStrategy ? strategyId + ": " + message : message);
    }

    @Override
    public boolean orderStatus(String clientOrderId, OrderStatus status, String brokerOrderId) {
        return false;
    }
}
