package org.leverdesk.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.leverdesk.ui.common.FxTaskExecutor;
import org.leverdesk.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Dashboard on a paper account: tiles, strategies and positions as a trader sees them. */
@FxTest
class DashboardViewFxTest {
    private final FxTaskExecutor executor = new FxTaskExecutor();

    @Start
    void start(Stage stage) {
        DashboardViewModel vm = new DashboardViewModel(DashboardSamples::paperAccount, executor, ZoneId.of("America/New_York"));
        Scene scene = new Scene(DashboardView.load(vm), 1200, 760);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    @Test
    void showsTilesStrategiesAndPositions(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#positionsTable").queryAs(TableView.class).getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("$102,340.50", robot.lookup("#equityTileValue").queryAs(Label.class).getText());
        assertEquals("-$1,210.25", robot.lookup("#dayProfitTileValue").queryAs(Label.class).getText());
        assertEquals("$2,340.50", robot.lookup("#totalProfitTileValue").queryAs(Label.class).getText());
        assertEquals(2, robot.lookup("#strategiesTable").queryAs(TableView.class).getItems().size());
        Snapshots.write(robot.lookup("#dashboardView").query(), "dashboard.png");
    }
}
