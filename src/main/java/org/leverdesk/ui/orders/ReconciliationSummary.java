package org.leverdesk.ui.orders;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One reconciliation of the store against the broker: when it ran and one line per difference it found (none: in sync). */
public record ReconciliationSummary(Instant at, List<String> differences) {
    public ReconciliationSummary {
        Objects.requireNonNull(at, "a reconciliation needs the time it ran");
        differences = List.copyOf(differences);
    }

    /** True when the store and the broker agreed. */
    public boolean inSync() {
        return differences.isEmpty();
    }
}
