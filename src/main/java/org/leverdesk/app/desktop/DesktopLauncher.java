package org.leverdesk.app.desktop;

import java.nio.file.Path;
import org.leverdesk.app.context.AppContext;
import java.util.concurrent.atomic.AtomicReference;
import org.leverdesk.ui.AppServices;
import org.leverdesk.ui.journal.JournalSource;

/**
 * Opens the JavaFX window over an {@link AppContext}. The context (and so the store lock) is
 * opened inside the window's start-up, so a failure such as a store already in use is shown to
 * the user in a dialog rather than only on a console they may not see; it is closed on exit.
 */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    /** Runs the desktop app until its window closes; returns the process exit code. */
    public static int launch(Path dataDir, Path pricesDir) {
        AtomicReference<AppContext> context = new AtomicReference<>();
        LeverdeskApp.services(() -> {
            AppContext app = AppContext.open(dataDir, pricesDir, 0, true);
            context.set(app);
            return services(app);
        });
        try {
            javafx.application.Application.launch(LeverdeskApp.class);
        } finally {
            AppContext app = context.get();
            if (app != null) {
                app.close();
            }
        }
        return LeverdeskApp.exitCode();
    }

    /** The window's view of the context. */
    public static AppServices services(AppContext app) {
        AppServices.Mode mode = app.marketData().isSimulated() ? AppServices.Mode.DEMO : AppServices.Mode.PAPER;
        // No broker yet: the Orders view and the "Close all" button appear once one is wired here.
        return new AppServices(app.backtests(), app.dataCatalog(), app.savedRuns(), mode, app.marketData().sourceLabel(),
                app.storePath(), app.regimeInsight(), app.strategyVersions(), app.marketData(), app.rotationInsight(),
                null, null, null, app.orders()::recent, JournalSource.of(app.journal()));
    }
}
