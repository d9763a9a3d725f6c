package org.leverdesk.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.leverdesk.ui.chart.TimeSeriesChart;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Rotation view as the app wires it, on the demo market of a fresh data folder (every group's ticker is there). */
@FxTest
class RotationViewFxTest {
    private static final Set<String> CHOICES = Set.of("BUY_HOLD", "TACTICAL", "SPEC", "ASYM", "CASH");
    private final AppWindow window = new AppWindow();

    @TempDir
    Path dataDir;

    @AfterEach
    void close() {
        window.close();
    }

    /** Opens the window at {@code width}×{@code height} on the demo market, shows the Rotation view and waits for its NAV chart. */
    private TimeSeriesChart openRotation(FxRobot robot, double width, double height) throws Exception {
        window.open(robot, dataDir, null, width, height);
        robot.clickOn("Rotation");
        TimeSeriesChart chart = robot.lookup("#navChart").queryAs(TimeSeriesChart.class);
        Label error = robot.lookup("#errorLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !error.getText().isEmpty() || !chart.series().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", error.getText());
        return chart;
    }

    @Test
    void theDemoMarketShowsFourNavCurvesRankingsTheChoiceAndThePlan(FxRobot robot) throws Exception {
        TimeSeriesChart chart = openRotation(robot, 1280, 900);
        Label chosen = robot.lookup("#chosenLabel").queryAs(Label.class);
        assertEquals(4, chart.series().size());
        assertTrue(chart.series().get(0).size() > 200, "a year of NAV: " + chart.series().get(0).size());
        assertTrue(CHOICES.contains(chosen.getText()), chosen.getText());
        assertTrue(robot.lookup("#whyLabel").queryAs(Label.class).getText().contains("has the highest NAV"));
        assertTrue(robot.lookup("#dataLabel").queryAs(Label.class).getText().startsWith("DEMO — simulated prices · data date "));
        // every ticker of the default groups is in the demo market: nothing is skipped, ASYM ranks all 16
        assertTrue(robot.lookup("#skippedList").queryAs(ListView.class).getItems().isEmpty());
        assertEquals(16, robot.lookup("#ranking-ASYM").queryAs(TableView.class).getItems().size());
        assertEquals(2, robot.lookup("#ranking-BUY_HOLD").queryAs(TableView.class).getItems().size());
        TableView<?> plan = robot.lookup("#planTable").queryAs(TableView.class);
        assertTrue(chosen.getText().equals("CASH") || plan.getItems().size() >= 1, "plan rows: " + plan.getItems().size());

        robot.moveTo(robot.lookup("#refreshButton").<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        Path png = Snapshots.write(robot.lookup("#rotationView").query().getScene().getRoot(), "app-rotation.png");
        assertTrue(Files.size(png) > 10_000);
    }

    @Test
    void atTheSmallestSizeThePlanIsInViewWithoutScrolling(FxRobot robot) throws Exception {
        openRotation(robot, 1024, 700);
        TableView<?> plan = robot.lookup("#planTable").queryAs(TableView.class);
        javafx.scene.control.ScrollPane detail = robot.lookup("#detailScroll").queryAs(javafx.scene.control.ScrollPane.class);
        // the plan (its heading and every row) lies inside the detail pane as it opens, scrolled to the top:
        // at 1024×700 it sat under the four sleeve rankings, reachable only by scrolling
        String outside = WaitForAsyncUtils.asyncFx(() -> {
            javafx.geometry.Bounds pane = detail.localToScene(detail.getLayoutBounds());
            javafx.geometry.Bounds table = plan.localToScene(plan.getLayoutBounds());
            return detail.getVvalue() == detail.getVmin() && table.getMaxY() <= pane.getMaxY() + 0.5 && table.getMinY() >= pane.getMinY() - 0.5
                    ? "" : "plan " + table + " in the pane " + pane + " scrolled to " + detail.getVvalue();
        }).get();
        assertEquals("", outside);
        assertTrue(plan.getItems().size() >= 1, "the demo's plan has rows: " + plan.getItems().size());
        Snapshots.write(robot.lookup("#rotationView").query().getScene().getRoot(), "app-rotation-1024x700.png");
    }
}
