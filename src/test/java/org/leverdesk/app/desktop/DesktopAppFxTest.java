package org.leverdesk.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.leverdesk.app.context.AppContext;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.testing.SharedPrices;
import org.leverdesk.ui.Snapshots;
import org.leverdesk.ui.chart.TimeSeriesChart;
import org.leverdesk.ui.FxTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole app as the composition root wires it — real store, real engine, real strategy — clicked
 * through with TestFX: once on the demo market (a fresh data folder) and once on the real prices.
 */
@FxTest
class DesktopAppFxTest {
    private final AppWindow window = new AppWindow();
    private AppContext context;

    @TempDir
    Path dataDir;

    @AfterEach
    void close() {
        window.close();
    }

    private void show(FxRobot robot, Path pricesDir) throws Exception {
        context = window.open(robot, dataDir, pricesDir, 1280, 820);
    }

    private TableView<?> runBacktest(FxRobot robot) throws Exception {
        robot.clickOn("#runButton");
        TableView<?> metrics = robot.lookup("#metricsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !metrics.getItems().isEmpty()
                || !robot.lookup("#messageLabel").queryAs(Label.class).getText().isEmpty() && metrics.getItems().isEmpty()
                && !robot.lookup("#runButton").query().isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        return metrics;
    }

    @Test
    void freshInstallRunsTheMonthlyRebalanceOnTheLabelledDemoMarket(FxRobot robot) throws Exception {
        show(robot, null);
        assertEquals("DEMO · simulated prices", robot.lookup("#modeLabel").queryAs(Label.class).getText());
        TableView<?> metrics = runBacktest(robot);
        assertEquals(16, metrics.getItems().size(), robot.lookup("#messageLabel").queryAs(Label.class).getText());
        TimeSeriesChart equity = robot.lookup("#equityChart").queryAs(TimeSeriesChart.class);
        assertEquals(2, equity.series().size());
        assertTrue(equity.series().get(0).size() > 2000, "ten years of demo trading days");
        assertFalse(robot.lookup("#tradesTable").queryAs(TableView.class).getItems().isEmpty());
        Snapshots.write(robot.lookup("#runButton").query().getScene().getRoot(), "app-demo-backtest.png");
    }

    @Test
    void realPricesBacktestShowsTradesAndCharts(FxRobot robot) throws Exception {
        show(robot, SharedPrices.dir());
        assertEquals("PAPER", robot.lookup("#modeLabel").queryAs(Label.class).getText().split(" ")[0]);
        TableView<?> metrics = runBacktest(robot);
        assertEquals(16, metrics.getItems().size(), robot.lookup("#messageLabel").queryAs(Label.class).getText());
        // 2015-01-02 .. 2024-12-31: a first buy and up to one resize per month end
        int trades = robot.lookup("#tradesTable").queryAs(TableView.class).getItems().size();
        assertTrue(trades > 60 && trades <= 121, "trades: " + trades);
        Path png = Snapshots.write(robot.lookup("#runButton").query().getScene().getRoot(), "app-real-backtest.png");
        assertTrue(Files.size(png) > 10_000);
        java.util.List<?> fresh = java.util.List.copyOf(metrics.getItems());

        // The run went into the H2 store; re-opening it from there shows the same numbers.
        robot.clickOn("Saved runs");
        TableView<?> saved = robot.lookup("#savedRunsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> saved.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        // The run references the version it ran: the defaults, created as version 1 on first use.
        org.leverdesk.strategy.catalog.StrategyVersion defaults = context.strategyVersions().active("monthly-rebalance");
        assertEquals("defaults", defaults.createdBy());
        assertEquals(defaults.id(), ((org.leverdesk.backtest.SavedRuns.SavedRun) saved.getItems().get(0)).versionId());
        assertEquals(1, context.strategyVersions().list("monthly-rebalance").size());
        robot.doubleClickOn(robot.lookup("#savedRunsTable .table-row-cell").nth(0).<javafx.scene.Node>query());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#resultTitleLabel").queryAs(Label.class).getText().startsWith("Saved run 1"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fresh, java.util.List.copyOf(metrics.getItems()));
        assertEquals(trades, robot.lookup("#tradesTable").queryAs(TableView.class).getItems().size());
        assertEquals(2, robot.lookup("#equityChart").queryAs(TimeSeriesChart.class).series().size());
    }
}
