package org.leverdesk.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.leverdesk.ui.common.FxTaskExecutor;
import org.leverdesk.ui.shell.MainWindow;
import org.leverdesk.ui.shell.ThemeManager;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Dashboard's RiskGuard banner and gauges as a trader sees them, at 1024×700 and 1600×1000, light and dark. */
@FxTest
class DashboardGuardFxTest {
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private Stage stage;
    private ThemeManager themes;

    @TempDir
    static Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        themes = new ThemeManager(dir);
        DashboardViewModel vm = new DashboardViewModel(DashboardGuardSamples::guarded, executor, ZoneId.of("America/New_York"));
        Scene scene = new Scene(DashboardView.load(vm), 1024, 700);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        themes.register(scene); // the dark pictures need the theme's classes on this scene too, as the window sets them
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        javafx.application.Platform.runLater(() -> Application.setUserAgentStylesheet(null));
    }

    @Test
    void showsTheBannerAndTheGauges(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> !robot.lookup("#guardGaugesPane").queryAs(FlowPane.class).getChildren().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Label banner = robot.lookup("#guardBanner").queryAs(Label.class);
        assertTrue(banner.getText().startsWith("RiskGuard HALTED — spreads: HALTED by the daily $ stop"), banner.getText());
        assertTrue(banner.getStyleClass().contains("guard-halted"));
        assertEquals(13, robot.lookup("#guardGaugesPane").queryAs(FlowPane.class).getChildren().size());
        for (String theme : List.of("light", "dark")) {
            if (theme.equals("dark")) {
                robot.interact(() -> themes.apply("primer-dark"));
            }
            for (int[] size : List.of(new int[] {1024, 700}, new int[] {1600, 1000})) {
                robot.interact(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                WaitForAsyncUtils.waitForFxEvents();
                Path png = Snapshots.write(stage.getScene().getRoot(), "dashboard-guard-" + theme + "-" + size[0] + "x" + size[1] + ".png");
                assertTrue(Files.size(png) > 10_000);
            }
        }
    }
}
