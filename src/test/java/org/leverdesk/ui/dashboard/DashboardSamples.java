package org.leverdesk.ui.dashboard;

import java.time.Instant;
import java.util.List;
import org.leverdesk.ui.dashboard.DashboardSnapshot.AccountSummary;
import org.leverdesk.ui.dashboard.DashboardSnapshot.PositionRow;
import org.leverdesk.ui.dashboard.DashboardSnapshot.StrategyRow;

/** A paper account after a few days of two strategies, with hand-checked figures. */
final class DashboardSamples {
    static final Instant AS_OF = Instant.parse("2026-11-20T21:05:00Z");

    private DashboardSamples() {
    }

    /** Equity $102,340.50 = cash $61,840.50 + 300 TQQQ @ $75.20 ($22,560) + 40 QQQ @ $448.50 ($17,940). */
    static DashboardSnapshot paperAccount() {
        return new DashboardSnapshot("paper",
                new AccountSummary(102_340.50, 61_840.50, 61_840.50, -1_210.25, 2_340.50, "since start ($100,000.00)"),
                null,
                List.of(new PositionRow("TQQQ", 300, 75.20, 22_560.00, 1_185.00),
                        new PositionRow("QQQ", 40, 448.50, 17_940.00, -214.00)),
                List.of(new StrategyRow("regime", true, 0.30, "Mon 2026-11-23 15:50 close-10m", "2026-11-20: hold 300 TQQQ (BULL, 16 of 16 gates pass)", "BULL"),
                        new StrategyRow("rsi2", false, 0.50, "—", "no decision yet", null)),
                "running, next job Mon 2026-11-23 15:50 ET", "ACTIVE", AS_OF);
    }
}
