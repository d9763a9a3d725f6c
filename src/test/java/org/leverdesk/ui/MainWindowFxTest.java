package org.leverdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leverdesk.market.data.DataCatalog.SymbolCoverage;
import org.leverdesk.ui.chart.TimeSeriesChart;
import org.leverdesk.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Thin smoke test of the real window with in-memory services: real clicks, nodes found by id. */
@ExtendWith(ApplicationExtension.class)
class MainWindowFxTest {
    static {
        // Monocle's headless screen defaults to 1280x800; a larger window overflows its buffer.
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2024, 6, 28).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private final FxTaskExecutor executor = new FxTaskExecutor();

    @Start
    void start(Stage stage) {
        FakeDataCatalog catalog = new FakeDataCatalog(
                new SymbolCoverage("QQQ", LocalDate.of(1999, 3, 10), LocalDate.of(2024, 6, 28), 6367),
                new SymbolCoverage("TQQQ", LocalDate.of(2010, 2, 11), LocalDate.of(2024, 6, 28), 3618),
                new SymbolCoverage("SQQQ", LocalDate.of(2010, 2, 11), LocalDate.of(2024, 6, 28), 3618));
        AppServices services = new AppServices(new FakeBacktestRunner(), catalog, AppServices.Mode.DEMO,
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
}
