package org.leverdesk.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.emergency.EmergencyExit;
import org.leverdesk.emergency.StoreEmergencyRecord;
import org.leverdesk.market.data.DataCatalog.SymbolCoverage;
import org.leverdesk.store.Store;
import org.leverdesk.ui.dashboard.DashboardSource;
import org.leverdesk.ui.orders.StrategyScopes;

/**
 * The built-in paper broker on a fresh store in a temporary folder, its clock fixed at {@code now}, and the window's
 * services over it with the one emergency exit (the emergency Fx tests: Close all, Close all options, Close strategy…).
 */
final class PaperWindow {
    final Path dir;
    final Store store;
    final PaperBroker paper;
    final Clock clock;

    PaperWindow(String folder, Instant now) throws IOException {
        dir = Files.createTempDirectory(folder);
        store = Store.open(dir);
        clock = Clock.fixed(now, ZoneOffset.UTC);
        paper = new PaperBroker(store, null, clock);
    }

    /** The window's services: the paper account, its emergency exit recording in the store, no dashboard. */
    AppServices services() {
        return services(null, null);
    }

    /** With the Dashboard's data and "Close strategy…"'s scopes (null: neither). */
    AppServices services(DashboardSource dashboard, StrategyScopes strategyScopes) {
        EmergencyExit exit = new EmergencyExit(paper, StoreEmergencyRecord.of(store, clock), null, Clock.systemUTC());
        return new AppServices(new FakeBacktestRunner(), new FakeDataCatalog(
                new SymbolCoverage("QQQ", LocalDate.of(1999, 3, 10), LocalDate.of(2026, 3, 3), 6795)), null,
                AppServices.Mode.PAPER, "store · 1 symbol", dir.resolve("leverdesk.mv.db"), null, null, null, null,
                new AppServices.Trading(paper, null, null, null, null, dashboard, null, exit, null, null, null, strategyScopes),
                AppServices.Settings.NONE);
    }
}
