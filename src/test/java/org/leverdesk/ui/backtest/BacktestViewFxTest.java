package org.leverdesk.ui.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.ui.FakeBacktestRunner;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.TestTaskExecutor;
import org.leverdesk.ui.common.LayoutMemory;
import org.leverdesk.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Backtest view's wiring: Enter in a date field, the folding form and the remembered layout. */
@FxTest
class BacktestViewFxTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2024, 6, 28).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final FakeBacktestRunner runner = new FakeBacktestRunner();

    private Stage open(FxRobot robot, LayoutMemory layout) {
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            stage[0] = new Stage();
            Scene scene = new Scene(BacktestView.load(new BacktestViewModel(runner, null, new TestTaskExecutor(), CLOCK), layout),
                    1024, 700);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            stage[0].setScene(scene);
            stage[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return stage[0];
    }

    /**
     * The view where the main window puts it at 1024×700: in a stack pane of what the navigation, the menu and the
     * status bar leave (844×630). Scrolled to its end, the form shows its last field whole inside the window (the
     * longer regime form is offered too; the monthly rebalance form is the first).
     */
    @Test
    void theFormsLastFieldCanBeScrolledIntoViewAt1024x700(FxRobot robot) {
        double width = 844;
        double height = 630;
        Stage[] stage = new Stage[1];
        javafx.scene.Parent[] view = new javafx.scene.Parent[1];
        // the strategy the window's pictures show first (three parameters, one with a slider), whose last field was cut at the fold
        FakeBacktestRunner monthly = new FakeBacktestRunner(java.util.List.of(new org.leverdesk.backtest.BacktestRunner.StrategyInfo(
                "monthly-rebalance", "Monthly rebalance (fixed dollars)", "TQQQ", java.util.List.of()), FakeBacktestRunner.REGIME));
        robot.interact(() -> {
            // the window's theme: its fields are taller than JavaFX's default ones
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            stage[0] = new Stage();
            view[0] = BacktestView.load(new BacktestViewModel(monthly, null, new TestTaskExecutor(), CLOCK), LayoutMemory.none());
            Scene scene = new Scene(new javafx.scene.layout.StackPane(view[0]), width, height);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            stage[0].setScene(scene);
            stage[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        // after a run, as in the window's pictures: its status takes the line under the buttons
        robot.interact(() -> robot.from(view[0]).lookup("#runButton").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view[0].layout());
        ScrollPane form = robot.from(view[0]).lookup("#formPanel").queryAs(ScrollPane.class);
        javafx.scene.layout.VBox parameters = robot.from(view[0]).lookup("#parametersPane").queryAs(javafx.scene.layout.VBox.class);
        assertTrue(robot.from(parameters).lookup("#param-allocation").tryQuery().isPresent(), "the monthly rebalance form");
        // (whether the whole form fits without scrolling is checked in the real window: WorkstationScreenshotsFxTest)
        robot.interact(() -> {
            form.layout();
            form.setVvalue(form.getVmax());
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds viewBounds = view[0].localToScene(view[0].getLayoutBounds());
        javafx.geometry.Bounds formBounds = form.localToScene(form.getLayoutBounds());
        javafx.scene.Node last = parameters;
        while (last instanceof javafx.scene.Parent p && !p.getChildrenUnmodifiable().isEmpty() && !(last instanceof javafx.scene.control.Control)) {
            last = p.getChildrenUnmodifiable().stream().filter(javafx.scene.Node::isVisible)
                    .max(java.util.Comparator.comparingDouble(n -> n.localToScene(n.getLayoutBounds()).getMaxY())).orElseThrow();
        }
        javafx.geometry.Bounds lastBounds = last.localToScene(last.getLayoutBounds());
        String where = "view " + viewBounds + ", form " + formBounds + ", last field " + last + " " + lastBounds;
        assertTrue(viewBounds.getMaxY() <= height + 0.5, "the view ends inside the window: " + where);
        assertTrue(formBounds.getMaxY() <= height + 0.5, "the form ends inside the window: " + where);
        assertTrue(lastBounds.getMaxY() <= formBounds.getMaxY() + 0.5 && lastBounds.getMinY() >= formBounds.getMinY(),
                "the last field is inside the form once scrolled: " + where);
        robot.interact(() -> {
            stage[0].close();
            javafx.application.Application.setUserAgentStylesheet(null);
        });
    }

    @Test
    void enterInADateFieldRunsWithTheDateJustTyped(FxRobot robot) {
        Stage stage = open(robot, LayoutMemory.none());
        DatePicker from = robot.from(stage.getScene().getRoot()).lookup("#fromPicker").queryAs(DatePicker.class);
        robot.clickOn(from.getEditor());
        robot.interact(() -> from.getEditor().selectAll());
        robot.write("2020-01-06");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(LocalDate.of(2020, 1, 6), runner.lastRequest().from(), "the run used the date in the field, not the old one");
        assertEquals(LocalDate.of(2020, 1, 6), from.getValue());
        assertEquals("2020-01-06", from.getEditor().getText(), "dates read in ISO form");
        robot.interact(stage::close);
    }

    @Test
    void theFormFoldsAwayAndTheLayoutIsRememberedForTheNextWindow(FxRobot robot) {
        Path file = dir.resolve(LayoutMemory.FILE_NAME);
        LayoutMemory first = LayoutMemory.in(file);
        Stage stage = open(robot, first);
        SplitPane main = robot.from(stage.getScene().getRoot()).lookup("#mainSplit").queryAs(SplitPane.class);
        SplitPane results = robot.from(stage.getScene().getRoot()).lookup("#resultsSplit").queryAs(SplitPane.class);
        ScrollPane form = robot.from(stage.getScene().getRoot()).lookup("#formPanel").queryAs(ScrollPane.class);
        assertTrue(main.getItems().contains(form), "the form is open at first");
        robot.interact(() -> results.setDividerPositions(0.8));
        robot.clickOn(robot.from(stage.getScene().getRoot()).lookup("#formToggle").<javafx.scene.Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(main.getItems().contains(form), "folded away: the charts get the width");
        robot.interact(() -> {
            first.save();
            stage.close();
        });

        LayoutMemory second = LayoutMemory.in(file);
        Stage again = open(robot, second);
        SplitPane main2 = robot.from(again.getScene().getRoot()).lookup("#mainSplit").queryAs(SplitPane.class);
        SplitPane results2 = robot.from(again.getScene().getRoot()).lookup("#resultsSplit").queryAs(SplitPane.class);
        assertEquals(1, main2.getItems().size(), "still folded");
        assertEquals(0.8, results2.getDividerPositions()[0], 0.01, "the charts keep the height they were given");
        robot.clickOn(robot.from(again.getScene().getRoot()).lookup("#formToggle").<javafx.scene.Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, main2.getItems().size(), "and opens again");
        robot.interact(again::close);
        // closing the window wrote the change still waiting for its half second: nothing writes into the folder later
        assertTrue(LayoutMemory.in(file).flag("backtest.formShown", false), "the reopened form was saved when the window closed");
        long before = file.toFile().lastModified();
        WaitForAsyncUtils.sleep(700, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertEquals(before, file.toFile().lastModified(), "no late save after the window closed");
    }

    @Test
    void theParameterFormSpeaksInLabelsAndUnitsAndARunSendsTheStrategysOwnUnits(FxRobot robot) {
        Stage stage = open(robot, LayoutMemory.none());
        javafx.scene.Parent top = stage.getScene().getRoot();
        // a NodeQuery narrows with each lookup: start from the root every time
        java.util.function.Supplier<org.testfx.service.query.NodeQuery> root = () -> robot.from(top);
        assertTrue(root.get().lookup(".field-label").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals("Capital used")),
                "labels, not camelCase names");
        assertTrue(root.get().lookup("#param-dayTradeGuard").tryQuery().filter(CheckBox.class::isInstance).isPresent(), "on/off is a check box");
        TextField capitalUsed = root.get().lookup("#param-capitalFraction").queryAs(TextField.class);
        assertEquals("30", capitalUsed.getText(), "a fraction reads as percent");
        TextField fast = root.get().lookup("#param-fastPeriod").queryAs(TextField.class);
        Button run = root.get().lookup("#runButton").queryAs(Button.class);
        robot.interact(() -> fast.setText("4x"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(run.isDisabled(), "an invalid field stops the run");
        Label problem = root.get().lookup("#problem-fastPeriod").queryAs(Label.class);
        assertTrue(problem.isVisible() && problem.getText().startsWith("Fast SMA"), problem.getText());
        robot.interact(() -> {
            fast.setText("40");
            capitalUsed.setText("45");
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(run);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("40", runner.lastRequest().parameters().get("fastPeriod"));
        assertEquals("0.45", runner.lastRequest().parameters().get("capitalFraction"));
        robot.interact(stage::close);
    }
}
