package org.leverdesk.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.app.context.LiveStrategies;
import org.leverdesk.app.context.TradingRuntime;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.execution.OrderOutcome;
import org.leverdesk.execution.RunResult;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.notify.NotifyOptions;
import org.leverdesk.schedule.SimulatedClock;
import org.leverdesk.ui.AppServices;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.leverdesk.ui.common.FxTaskExecutor;
import org.leverdesk.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window after a real paper run: regime and monthly-rebalance decide on the demo market at
 * 15:50 of the session after its last bar, the paper broker fills their orders, and the Dashboard,
 * Orders and Journal views show what happened (their snapshots are the README's screenshots).
 */
@FxTest
class DesktopTradingFxTest {
    @TempDir
    Path dir;
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private AppContext app;
    private TradingRuntime runtime;
    private List<RunResult> runs;

    @Start
    void start(Stage stage) {
        // Nothing to do until the test has run the strategies.
    }

    @AfterEach
    void close() {
        executor.close();
        if (runtime != null) {
            runtime.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void dashboardOrdersAndJournalShowARealPaperRun(FxRobot robot) throws Exception {
        app = AppContext.open(dir.resolve("data"), null, 0, true);
        NyseCalendar calendar = new NyseCalendar();
        LocalDate lastBar = app.marketData().barsUpTo("TQQQ", LocalDate.now(NyseCalendar.ZONE)).lastDate();
        LocalDate session = calendar.nextTradingDay(lastBar);
        Instant at = SimulatedClock.et(session + "T15:50:00");
        AppConfig config = AppConfig.defaults()
                .withStrategy(new StrategySettings("regime", true, 0.5, Map.of(), null))
                .withStrategy(new StrategySettings("monthly-rebalance", true, 0.3, Map.of("allocation", "20000", "symbol", "QQQM"), null))
                .withStrategy(new StrategySettings("rsi2", false, 0.2, Map.of(), null));
        runtime = TradingRuntime.open(app, config, new Secrets(dir.resolve("secrets.properties"), Map.of()),
                new SimulatedClock(at, at.plusSeconds(3600)), null, NotifyOptions.defaults());
        var atStart = runtime.execution().reconcile();
        runs = config.enabledStrategies().stream()
                .map(s -> runtime.execution().run(LiveStrategies.run(s, app.strategyVersions()), false)).toList();
        assertTrue(runs.stream().flatMap(r -> r.outcomes().stream()).anyMatch(o -> o.kind() == OrderOutcome.Kind.SENT),
                runs.toString());
        assertEquals(List.of("QQQM", "TQQQ"), runtime.broker().positions().stream().map(p -> p.symbol()).sorted().toList(),
                "the paper broker filled both strategies' orders: " + runs);

        AppServices services = DesktopLauncher.services(app)
                .withTrading(RuntimeBindings.trading(app, config, runtime, () -> atStart, Clock.fixed(at, NyseCalendar.ZONE)));
        robot.interact(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(MainWindow.create(services, executor, Clock.fixed(at, NyseCalendar.ZONE)), 1280, 800);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !robot.lookup("#positionsTable").queryAs(TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, robot.lookup("#strategiesTable").queryAs(TableView.class).getItems().size() - 1,
                "regime, monthly-rebalance and the disabled rsi2");
        Snapshots.write(robot.lookup("#dashboardView").query(), "dashboard-real.png");

        robot.clickOn("Orders");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#positionsTable").queryAllAs(TableView.class).stream().anyMatch(t -> !t.getItems().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(robot.lookup("#navigation").query().getScene().getRoot(), "orders-real.png");

        robot.clickOn("Journal");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !robot.lookup("#journalTable").queryAs(TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#journalTable").queryAs(TableView.class).getItems().size() >= 2);
        Snapshots.write(robot.lookup("#navigation").query().getScene().getRoot(), "journal-real.png");
    }
}
