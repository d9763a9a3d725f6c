package org.leverdesk.ui;

import org.leverdesk.ui.common.FxTaskExecutor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.market.data.DataCatalog.SymbolCoverage;
import org.leverdesk.ui.backtest.BacktestView;
import org.leverdesk.ui.backtest.BacktestViewModel;
import org.leverdesk.ui.chart.TimeSeriesChart;
import org.leverdesk.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Thin smoke test of the real window with in-memory services: real clicks, nodes found by id. */
@FxTest
class MainWindowFxTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2024, 6, 28).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final FakeBacktestRunner runner = new FakeBacktestRunner();

    @Start
    void start(Stage stage) {
        FakeDataCatalog catalog = new FakeDataCatalog(
                new SymbolCoverage("QQQ", LocalDate.of(1999, 3, 10), LocalDate.of(2024, 6, 28), 6367),
                new SymbolCoverage("TQQQ", LocalDate.of(2010, 2, 11), LocalDate.of(2024, 6, 28), 3618),
                new SymbolCoverage("SQQQ", LocalDate.of(2010, 2, 11), LocalDate.of(2024, 6, 28), 3618));
        AppServices services = new AppServices(runner, catalog, new FakeSavedRuns(CLOCK), AppServices.Mode.DEMO,
                "DEMO — simulated prices", Path.of("/home/trader/.leverdesk/leverdesk.mv.db"));
        Scene scene = new Scene(MainWindow.create(services, executor, CLOCK), 1280, 820);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    @Test
    void statusBarShowsDemoModeAsWarningWithSourceAndStore(FxRobot robot) {
        Label mode = robot.lookup("#modeLabel").queryAs(Label.class);
        assertEquals("DEMO · simulated prices", mode.getText());
        assertTrue(mode.getPseudoClassStates().contains(PseudoClass.getPseudoClass("simulated")));
        assertEquals("Data: DEMO — simulated prices", robot.lookup("#dataSourceLabel").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#storeLabel").queryAs(Label.class).getText().endsWith("leverdesk.mv.db"));
    }

    @Test
    void runningABacktestFillsMetricsAndChartsThenDataViewShowsCoverage(FxRobot robot) throws Exception {
        robot.clickOn("#runButton");
        TableView<?> metrics = robot.lookup("#metricsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !metrics.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(16, metrics.getItems().size());
        TimeSeriesChart equity = robot.lookup("#equityChart").queryAs(TimeSeriesChart.class);
        assertEquals(2, equity.series().size());
        assertTrue(equity.series().get(0).size() > 2500, "ten years of weekdays");
        TimeSeriesChart drawdown = robot.lookup("#drawdownChart").queryAs(TimeSeriesChart.class);
        assertEquals(2, drawdown.series().size());
        assertFalse(robot.lookup("#tradesTable").queryAs(TableView.class).getItems().isEmpty());
        assertEquals("", robot.lookup("#messageLabel").queryAs(Label.class).getText());
        Label title = robot.lookup("#resultTitleLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> title.getText().equals("New run · saved as run 1 (strategy version 1)"));
        WaitForAsyncUtils.waitForFxEvents();
        Path backtestPng = Snapshots.write(robot.lookup("#runButton").query().getScene().getRoot(), "backtest-view.png");
        assertTrue(Files.size(backtestPng) > 10_000);

        robot.clickOn("Data");
        TableView<?> coverage = robot.lookup("#coverageTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> coverage.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(coverage.isVisible());
        Path dataPng = Snapshots.write(coverage.getScene().getRoot(), "data-view.png");
        assertTrue(Files.size(dataPng) > 10_000);
    }

    @Test
    void aRunIsSavedAndReopeningItShowsTheSameMetrics(FxRobot robot) throws Exception {
        robot.clickOn("#runButton");
        TableView<?> metrics = robot.lookup("#metricsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !metrics.getItems().isEmpty());
        List<?> firstRunMetrics = List.copyOf(metrics.getItems());

        robot.clickOn("Saved runs");
        TableView<?> saved = robot.lookup("#savedRunsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> saved.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        Path savedPng = Snapshots.write(saved.getScene().getRoot(), "backtest-saved-runs.png");
        assertTrue(Files.size(savedPng) > 10_000);

        // A failed second run clears the result area, so what appears next can only come from the store.
        runner.failWith(new IllegalArgumentException("no prices for TQQQ; import them in the Data view"));
        robot.clickOn("#runButton");
        Label message = robot.lookup("#messageLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !message.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(metrics.getItems().isEmpty());
        assertEquals(1, saved.getItems().size(), "a failed run is not saved");

        Node firstRow = robot.lookup("#savedRunsTable .table-row-cell").nth(0).query();
        robot.doubleClickOn(firstRow);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !metrics.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(firstRunMetrics, List.copyOf(metrics.getItems()));
        assertTrue(metrics.isVisible(), "opening switches to the Metrics tab");
        assertEquals("Saved run 1 · created 2024-06-28 00:00 · data: fake prices", robot.lookup("#resultTitleLabel").queryAs(Label.class).getText());
        assertEquals("", message.getText());
        assertEquals(2, robot.lookup("#equityChart").queryAs(TimeSeriesChart.class).series().size());
    }

    @Test
    void withoutSavedRunsTheBacktestViewHasNoSavedRunsTab(FxRobot robot) {
        robot.interact(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(BacktestView.load(new BacktestViewModel(runner, null, executor, CLOCK)), 1000, 700));
            stage.show();
        });
        TabPane tabs = robot.lookup("#resultTabs").match(n -> n.getScene().getWindow() != robot.lookup("#modeLabel")
                .query().getScene().getWindow()).queryAs(TabPane.class);
        assertEquals(List.of("Metrics", "Trades", "Decisions"), tabs.getTabs().stream().map(Tab::getText).toList());
    }
}
