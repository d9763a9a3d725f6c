package org.leverdesk.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.leverdesk.ui.AppServices;
import org.leverdesk.ui.FakeBacktestRunner;
import org.leverdesk.ui.FakeDataCatalog;
import org.leverdesk.ui.FakeSavedRuns;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.common.FxmlViews;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The views prepared in idle time: built once, laid out hidden, taken out again, and shown later without a second build. */
@FxTest
class ViewPreparationFxTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2024, 6, 28).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private final AtomicInteger chartBuilds = new AtomicInteger();
    private final AtomicInteger optionsBuilds = new AtomicInteger();
    // made in start(): a control made before the JavaFX toolkit runs breaks every later test of the fork
    private Label dashboard;
    private Label chart;
    private MainView view;
    private StackPane content;

    @Start
    void start(Stage stage) {
        dashboard = new Label("dashboard");
        chart = new Label("chart");
        AppServices services = new AppServices(new FakeBacktestRunner(), new FakeDataCatalog(), new FakeSavedRuns(CLOCK),
                AppServices.Mode.DEMO, "DEMO — simulated prices", Path.of("/tmp/leverdesk.mv.db"));
        view = new MainView(new MainViewModel(services), List.of(
                new NavItem("Dashboard", () -> dashboard),
                new NavItem("Chart", () -> {
                    chartBuilds.incrementAndGet();
                    return new StackPane(chart);
                }),
                new NavItem("Options", () -> {
                    optionsBuilds.incrementAndGet();
                    return new Label("options");
                })));
        Parent root = FxmlViews.load(view);
        stage.setScene(new Scene(root, 800, 500));
        stage.show();
    }

    /** The window's content pane (inside a scroll pane, so not found by a lookup): where the shown view is. */
    private StackPane content() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dashboard.getParent() != null);
        return (StackPane) dashboard.getParent();
    }

    @Test
    void aPreparedViewIsLaidOutHiddenUntilSettledThenTakenOutAndShownWithoutRebuilding(FxRobot robot) throws Exception {
        content = content();
        AtomicBoolean settled = new AtomicBoolean(false);
        AtomicBoolean done = new AtomicBoolean(false);
        robot.interact(() -> view.prepare("Chart", settled::get, () -> done.set(true)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.getScene() != null && chart.getWidth() > 0);
        assertEquals(1, chartBuilds.get());
        assertFalse(chart.getParent().isVisible(), "hidden behind the shown view while it is prepared");
        Thread.sleep(600); // three settle checks: still waiting for its data
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(done.get(), "kept until the work it started has handed back");

        settled.set(true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, done::get);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(dashboard), List.copyOf(content.getChildren()), "taken out again: only the shown view");
        assertNull(chart.getScene());
        assertTrue(chart.getParent().isVisible());
        assertEquals(List.of("Options"), view.unbuilt());

        robot.interact(() -> view.showView("Chart"));
        assertEquals(1, chartBuilds.get(), "shown as prepared, not built again");
        assertSame(chart.getParent(), content.getChildren().get(0));
        assertTrue(chart.getParent().isVisible());
    }

    @Test
    void onlyTheListedViewsArePreparedSoTheHeavyDataOfOthersIsNotLoadedUpFront() throws Exception {
        content = content();
        // the heavy-data views are built when opened (their data from the start cost the < 400 MB memory target)
        for (String heavy : List.of("Options", "Chart", "Research", "Regime", "Rotation")) {
            assertFalse(ViewPreparation.ORDER.contains(heavy), heavy + " keeps its data until it is opened");
        }
        assertEquals(List.of("Backtest"), ViewPreparation.ORDER);
        assertEquals(List.of("Chart", "Backtest"), ViewPreparation.chosen("Chart, Backtest"), "-Dleverdesk.prepareViews=Chart,Backtest");
        assertEquals(ViewPreparation.ORDER, ViewPreparation.chosen(null));
        assertEquals(List.of(), ViewPreparation.chosen("false"), "-Dleverdesk.prepareViews=false: built when opened");
        WaitForAsyncUtils.asyncFx(() -> ViewPreparation.start(view, () -> true, List.of("Chart")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.unbuilt().equals(List.of("Options")));
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, chartBuilds.get());
        assertEquals(0, optionsBuilds.get());
        assertEquals(1, content.getChildren().size());
        Node shown = content.getChildren().get(0);
        assertSame(dashboard, shown);
    }
}
