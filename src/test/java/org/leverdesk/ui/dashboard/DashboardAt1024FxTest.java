package org.leverdesk.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.ui.CutOffTexts;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.leverdesk.ui.common.FxTaskExecutor;
import org.leverdesk.ui.dashboard.DashboardSnapshot.AccountSummary;
import org.leverdesk.ui.dashboard.DashboardSnapshot.PositionRow;
import org.leverdesk.ui.dashboard.DashboardSnapshot.StrategyRow;
import org.leverdesk.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Dashboard in the room it gets in a 1024×700 window (the navigation takes the rest): no price,
 * state, date or header cut off, prices with a dollar sign and cents.
 */
@FxTest
class DashboardAt1024FxTest {
    /** What the view gets of a 1024×700 window beside the navigation, under the menu and status bars. */
    static final double WIDTH = 845;
    static final double HEIGHT = 630;
    private final FxTaskExecutor executor = new FxTaskExecutor();

    /** The demo paper account as the real window showed it (the figures of docs/screenshots/dashboard-light-1024x700.png). */
    static DashboardSnapshot demoAccount() {
        return new DashboardSnapshot("paper",
                new AccountSummary(99_996.97, 69_990.95, 69_990.95, -3.03, -3.03, "since start ($100,000.00)"),
                null,
                List.of(new PositionRow("QQQM", 35, 557.4804, 19_511.81, -1.95),
                        new PositionRow("TQQQ", 492, 21.3297, 10_494.21, -1.08)),
                List.of(new StrategyRow("regime", true, 0.50, "Tue 2026-12-08 15:50 close-10m",
                                "2026-12-04: buy 492 TQQQ; all 16 gates pass, regime STRONG_BULL, sized on $30,000.00 of the account", "STRONG_BULL"),
                        new StrategyRow("monthly-rebalance", true, 0.30, "Tue 2026-12-08 15:50 close-10m",
                                "2026-12-04: initial buy: floor($20,000.00 / $557.48) = 35 QQQM", null)),
                "stopped", "ACTIVE", Instant.parse("2026-12-07T20:50:00Z"));
    }

    @Start
    void start(Stage stage) {
        DashboardViewModel vm = new DashboardViewModel(DashboardAt1024FxTest::demoAccount, executor, ZoneId.of("America/New_York"));
        Scene scene = new Scene(DashboardView.load(vm), WIDTH, HEIGHT);
        // the window's theme (AtlantaFX Primer): its fonts and padding are what must fit
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
        javafx.application.Platform.runLater(() -> javafx.application.Application.setUserAgentStylesheet(null));
    }

    @Test
    void nothingIsCutOffAndPricesAreInDollarsAndCents(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#positionsTable").queryAs(TableView.class).getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);   // the columns are re-measured after the rows arrive
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> CutOffTexts.under(robot.lookup("#dashboardView").query())).get();
        Snapshots.write(robot.lookup("#dashboardView").query(), "dashboard-845x630.png");
        assertEquals(List.of(), cut, "texts cut off at 1024×700");
        List<String> prices = WaitForAsyncUtils.asyncFx(() -> List.of(
                cellText(robot, "#positionsTable", 0, 2), cellText(robot, "#positionsTable", 0, 1))).get();
        assertEquals(List.of("$557.48", "35"), prices);
    }

    private static String cellText(FxRobot robot, String table, int row, int column) {
        TableView<?> t = robot.lookup(table).queryAs(TableView.class);
        Object v = t.getColumns().get(column).getCellData(row);
        return String.valueOf(v);
    }
}
