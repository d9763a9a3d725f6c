package org.leverdesk.app.desktop;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import org.slf4j.LoggerFactory;
import javafx.stage.Stage;
import org.leverdesk.ui.AppServices;
import org.leverdesk.ui.common.FxTaskExecutor;

/**
 * The desktop application. JavaFX creates this class itself, so the composition root hands it the
 * services through {@link #services(Supplier)} before calling {@code Application.launch}.
 */
public final class LeverdeskApp extends Application {
    private static volatile Supplier<AppServices> servicesSupplier;
    private static volatile int exitCode;
    private FxTaskExecutor executor;

    /** Sets where the window gets its runner, catalog and status from; call before launching. */
    public static void services(Supplier<AppServices> supplier) {
        servicesSupplier = Objects.requireNonNull(supplier, "services supplier");
    }

    @Override
    public void start(Stage stage) {
        Supplier<AppServices> supplier = servicesSupplier;
        if (supplier == null) {
            throw new IllegalStateException("Leverdesk was started without its services: the composition root must call "
                    + "LeverdeskApp.services(...) before Application.launch");
        }
        AppServices services;
        long waitFrom = System.nanoTime();
        long waitedMs;
        try {
            services = supplier.get();
            waitedMs = (System.nanoTime() - waitFrom) / 1_000_000;
        } catch (RuntimeException e) {
            // e.g. the store is in use by another Leverdesk: say so in a dialog, then quit
            exitCode = 2;
            LoggerFactory.getLogger(LeverdeskApp.class).error("cannot start: {}", e.getMessage(), e);
            Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
            alert.setHeaderText("Leverdesk cannot start");
            alert.setTitle("Leverdesk");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        executor = new FxTaskExecutor();
        DesktopWindow.show(stage, services, executor, Clock.systemDefaultZone());
        // The start-up figure the README reports: a line in the log at every start.
        LoggerFactory.getLogger(LeverdeskApp.class).info("first window shown {} ms after the process started "
                + "(JavaFX start() waited {} ms for the store)", sinceProcessStart(), waitedMs);
    }

    private static long sinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(t -> java.time.Duration.between(t, java.time.Instant.now()).toMillis()).orElse(-1L);
    }

    /** 0 after a normal exit, 2 when start-up failed. */
    public static int exitCode() {
        return exitCode;
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
