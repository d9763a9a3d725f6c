package org.leverdesk.notify.message;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The end-of-day summary: equity now, at the previous close and at the start (null when unknown),
 * cash, the positions, and each strategy's regime (strategy id to regime label, in display order).
 */
public record DailySummary(LocalDate date, Instant time, BigDecimal equity, BigDecimal previousEquity,
                           BigDecimal startingEquity, BigDecimal cash, List<PositionLine> positions,
                           Map<String, String> regimes) {
    public DailySummary {
        positions = positions == null ? List.of() : List.copyOf(positions);
        regimes = regimes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(regimes));
    }
}
