package org.leverdesk.ui.orders;

import java.util.Optional;

/** Where the Orders view reads the latest reconciliation from (the composition root binds the execution package's reconciler). */
@FunctionalInterface
public interface ReconciliationSource {
    /** The result of the latest reconciliation, or empty when none ran since the app started. */
    Optional<ReconciliationSummary> latest();
}
