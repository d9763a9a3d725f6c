package org.leverdesk.app.desktop;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.ui.common.FxTaskExecutor;
import org.leverdesk.ui.shell.MainWindow;
import org.testfx.api.FxRobot;

/**
 * The app's real main window over a real {@link AppContext} (store in a test folder), for TestFX
 * tests that click through the app as the composition root wires it. Close it after each test.
 */
public final class AppWindow implements AutoCloseable {
    /** "Today" for the window: fixed so default date ranges are repeatable. */
    public static final Clock CLOCK = Clock.fixed(LocalDate.of(2025, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private AppContext context;
    private Stage stage;

    /** Opens the store in {@code dataDir} (prices from {@code pricesDir}, or store/demo when null) and shows the window. */
    public AppContext open(FxRobot robot, Path dataDir, Path pricesDir, double width, double height) {
        context = AppContext.open(dataDir, pricesDir, 0, true);
        AppContext app = context;
        robot.interact(() -> {
            stage = new Stage();
            Scene scene = new Scene(MainWindow.create(DesktopLauncher.services(app), executor, CLOCK), width, height);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            stage.setScene(scene);
            stage.show();
        });
        return app;
    }

    @Override
    public void close() {
        // The window goes first, so nothing in it (a later test's lookup or click) can start work on the closed executor.
        if (stage != null) {
            try {
                org.testfx.util.WaitForAsyncUtils.asyncFx(stage::close).get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the test window: " + e, e);
            }
        }
        executor.close();
        if (context != null) {
            context.close();
        }
    }
}
