package org.leverdesk.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.hansolo.tilesfx.Tile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
import org.leverdesk.testing.SharedPrices;
import org.leverdesk.ui.chart.ChartSeries;
import org.leverdesk.ui.chart.TimeSeriesChart;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Regime view as the app wires it: on the demo market of a fresh data folder, and on the real prices. */
@FxTest
class RegimeViewFxTest {
    private static final Set<String> REGIMES = Set.of("STRONG BULL", "BULL", "CAUTIOUS", "RISK OFF", "BREAKDOWN");
    private final AppWindow window = new AppWindow();

    @TempDir
    Path dataDir;

    @AfterEach
    void close() {
        window.close();
    }

    private TimeSeriesChart open(FxRobot robot, Path pricesDir) throws Exception {
        window.open(robot, dataDir, pricesDir, 1280, 860);
        robot.clickOn("Regime");
        TableView<?> gates = robot.lookup("#gatesTable").queryAs(TableView.class);
        TimeSeriesChart chart = robot.lookup("#regimeChart").queryAs(TimeSeriesChart.class);
        Label error = robot.lookup("#errorLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !error.getText().isEmpty()
                || !gates.getItems().isEmpty() && !chart.series().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", error.getText());
        return chart;
    }

    @Test
    void theDemoMarketsRegimeGatesAndChartAreShownAndAClickedDayOpensItsDecision(FxRobot robot) throws Exception {
        TimeSeriesChart chart = open(robot, null);
        TableView<?> gates = robot.lookup("#gatesTable").queryAs(TableView.class);

        Tile tile = robot.lookup("#regimeTile").queryAs(Tile.class);
        assertTrue(REGIMES.contains(tile.getDescription()), "regime tile: " + tile.getDescription());
        assertEquals(tile.getDescription(), robot.lookup("#regimeTileName").queryAs(Label.class).getText());
        assertTrue(gates.getItems().size() >= 14, "gates: " + gates.getItems().size());
        assertTrue(robot.lookup("#orderLabel").queryAs(Label.class).getText()
                .matches("buy \\d+ TQQQ|sell \\d+ TQQQ|no order"));
        assertTrue(robot.lookup("#dataLabel").queryAs(Label.class).getText().startsWith("DEMO — simulated prices · data date "));
        assertEquals(3, chart.series().size());
        assertTrue(chart.series().get(0).size() > 2000, "years of demo sessions: " + chart.series().get(0).size());
        assertTrue(chart.bands().size() > 3, "regime bands: " + chart.bands().size());
        assertFalse(robot.lookup("#positionChart").queryAs(TimeSeriesChart.class).series().isEmpty());

        Label dayTitle = robot.lookup("#dayTitleLabel").queryAs(Label.class);
        String lastDay = dayTitle.getText();
        Node plot = robot.lookup("#regimeChart .chart").query();
        robot.clickOn(plot);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(lastDay, dayTitle.getText(), "a click in the middle of the chart picks an earlier day");
        assertTrue(robot.lookup("#dayGatesList").queryAs(ListView.class).getItems().size() >= 14
                || dayTitle.getText().contains("no decision"), dayTitle.getText());

        // move the mouse off the chart so the pictures show no hover readout or zoom slider
        robot.moveTo(robot.lookup("#refreshButton").<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        Path panel = Snapshots.write(robot.lookup("#regimePanel").query(), "regime-panel.png");
        Path charts = Snapshots.write(robot.lookup("#regimeChartPane").query(), "regime-chart.png");
        Snapshots.write(robot.lookup("#regimeView").query().getScene().getRoot(), "app-regime.png");
        assertTrue(Files.size(panel) > 10_000);
        assertTrue(Files.size(charts) > 10_000);
    }

    /**
     * At the smallest supported window (1024×700) and a large one (1600×1000) the view fits: the content
     * needs no scroll bar, every tile is inside the panel, and the regime key sits below the chart's date
     * labels instead of on them.
     */
    @Test
    void atBothSizesNothingScrollsSidewaysIsCutOffOrOverlaps(FxRobot robot) throws Exception {
        open(robot, null);
        for (int[] size : new int[][] {{1024, 700}, {1600, 1000}}) {
            robot.interact(() -> {
                javafx.stage.Window w = robot.lookup("#regimeView").query().getScene().getWindow();
                w.setWidth(size[0]);
                w.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(300);
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.control.ScrollPane scroll = robot.lookup("#contentScroll").queryAs(javafx.scene.control.ScrollPane.class);
            Node content = scroll.getContent();
            String at = size[0] + "x" + size[1];
            assertTrue(content.getLayoutBounds().getWidth() <= scroll.getViewportBounds().getWidth() + 0.5,
                    at + ": content " + content.getLayoutBounds().getWidth() + " wide in a viewport of " + scroll.getViewportBounds().getWidth());
            assertTrue(content.getLayoutBounds().getHeight() <= scroll.getViewportBounds().getHeight() + 0.5,
                    at + ": content " + content.getLayoutBounds().getHeight() + " high in a viewport of " + scroll.getViewportBounds().getHeight());
            javafx.geometry.Bounds panel = scene(robot.lookup("#regimePanel").query());
            for (String tile : new String[] {"#regimeTile", "#momentumTile", "#volatilityTile", "#trendTile", "#overextensionTile"}) {
                javafx.geometry.Bounds b = scene(robot.lookup(tile).query());
                assertTrue(b.getMinX() >= panel.getMinX() - 0.5 && b.getMaxX() <= panel.getMaxX() + 0.5,
                        at + ": " + tile + " " + b + " outside the panel " + panel);
            }
            Label name = robot.lookup("#regimeTileName").queryAs(Label.class);
            javafx.scene.text.Text shownName = (javafx.scene.text.Text) name.lookup(".text");
            assertEquals(name.getText(), shownName.getText().replace("\n", " ").replace("  ", " ").strip(),
                    at + ": the regime's name is cut in its tile");
            javafx.geometry.Bounds charts = scene(robot.lookup("#regimeChartPane .chart-stack").query());
            javafx.geometry.Bounds key = scene(robot.lookup(".regime-legend").query());
            javafx.geometry.Bounds pane = scene(robot.lookup("#regimeChartPane").query());
            assertTrue(key.getMinY() >= charts.getMaxY() - 0.5, at + ": the key " + key + " overlaps the charts " + charts);
            assertTrue(key.getMaxY() <= pane.getMaxY() + 0.5, at + ": the key " + key + " is cut off below " + pane);
            javafx.geometry.Bounds day = scene(robot.lookup("#dayScroll").query());
            javafx.geometry.Bounds title = scene(robot.lookup("#dayTitleLabel").query());
            assertTrue(title.getMinY() >= day.getMinY() - 0.5 && title.getMaxX() <= day.getMaxX() + 0.5,
                    at + ": the day's title " + title + " is cut off by its panel " + day);
            robot.moveTo(robot.lookup("#refreshButton").<Node>query());
            WaitForAsyncUtils.waitForFxEvents();
            Snapshots.write(robot.lookup("#regimeView").query().getScene().getRoot(), "app-regime-" + at + ".png");
        }
    }

    private static javafx.geometry.Bounds scene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    @Test
    void onTheRealPricesTheChartCoversQqqSince1999AndTheStaleDataIsSaid(FxRobot robot) throws Exception {
        TimeSeriesChart chart = open(robot, SharedPrices.dir());
        assertTrue(robot.lookup("#dataLabel").queryAs(Label.class).getText().contains("data date 2025-09-26 · stale"),
                robot.lookup("#dataLabel").queryAs(Label.class).getText());
        assertEquals(LocalDate.parse("1999-03-10"), ChartSeries.date(chart.series().get(0).x()[0]));
        assertTrue(robot.lookup("#gatesTable").queryAs(TableView.class).getItems().size() >= 14);
        robot.moveTo(robot.lookup("#refreshButton").<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(robot.lookup("#regimeView").query().getScene().getRoot(), "app-regime-real.png");
    }
}
