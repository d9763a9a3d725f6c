package org.leverdesk.store;

import org.leverdesk.domain.TradingMode;
import java.time.Instant;
import org.leverdesk.domain.Decision;

/** A decision as stored: its row id, mode, strategy version (null when unknown) and when it was written. */
public record StoredDecision(long id, TradingMode mode, Long versionId, Instant createdAt, Decision decision) {
}
