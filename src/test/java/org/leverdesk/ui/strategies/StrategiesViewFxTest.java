package org.leverdesk.ui.strategies;

import org.leverdesk.app.desktop.AppWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.strategy.catalog.ParameterChange;
import org.leverdesk.strategy.catalog.StrategyVersion;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Strategies view in the real window over the real store, clicked through with TestFX. */
@FxTest
class StrategiesViewFxTest {
    private final AppWindow window = new AppWindow();
    private AppContext context;

    @TempDir
    Path dataDir;

    @AfterEach
    void close() {
        window.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<StrategyVersion> versions(FxRobot robot) {
        return robot.lookup("#versionsTable").queryAs(TableView.class);
    }

    /** The versions table's row showing item {@code index} (cells are recycled, so lookup order is not row order). */
    private static Node row(FxRobot robot, int index) {
        return robot.lookup("#versionsTable .table-row-cell").<javafx.scene.control.TableRow<?>>queryAll().stream()
                .filter(r -> r.getIndex() == index && !r.isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + index));
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void editSaveDiffAgainstTheDefaultsAndMakeActive(FxRobot robot) throws Exception {
        context = window.open(robot, dataDir, null, 1280, 820);
        robot.clickOn("Strategies");
        TableView<StrategyVersion> table = versions(robot);
        waitUntil(() -> table.getItems().size() == 1);
        assertEquals("defaults", table.getItems().get(0).createdBy());

        // Edit: an invalid value is shown and cannot be saved; a valid one can.
        TextField allocation = robot.lookup("#param-allocation").queryAs(TextField.class);
        Button save = robot.lookup("#saveButton").queryAs(Button.class);
        assertTrue(save.isDisabled());
        robot.clickOn(allocation);
        robot.interact(allocation::selectAll);
        robot.write("abc");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(save.isDisabled());
        assertFalse(robot.lookup("#validationLabel").queryAs(Label.class).getText().isEmpty());
        robot.interact(allocation::selectAll);
        robot.write("3500");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", robot.lookup("#validationLabel").queryAs(Label.class).getText());
        robot.clickOn(save);
        waitUntil(() -> table.getItems().size() == 2);
        StrategyVersion v2 = table.getItems().get(0);
        StrategyVersion v1 = table.getItems().get(1);
        assertEquals("3500", v2.parameters().get("allocation"));
        assertEquals(v1.id(), v2.parentId());
        assertEquals("Saved version 2 from version 1", robot.lookup("#statusLabel").queryAs(Label.class).getText());

        // Diff: select both rows.
        robot.clickOn(row(robot, 0));
        robot.press(javafx.scene.input.KeyCode.CONTROL).clickOn(row(robot, 1))
                .release(javafx.scene.input.KeyCode.CONTROL);
        @SuppressWarnings("unchecked")
        TableView<ParameterChange> diff = robot.lookup("#diffTable").queryAs(TableView.class);
        try {
            waitUntil(() -> diff.getItems().size() == 1);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("selected " + table.getSelectionModel().getSelectedItems() + " diff " + diff.getItems()
                    + " error " + robot.lookup("#errorLabel").queryAs(Label.class).getText(), e);
        }
        assertEquals(new ParameterChange("allocation", "2000", "3500", ParameterChange.Kind.CHANGED), diff.getItems().get(0));
        assertEquals("Version 1 → version 2: 1 parameter differs", robot.lookup("#diffTitleLabel").queryAs(Label.class).getText());
        Path png = Snapshots.write(table.getScene().getRoot(), "strategies-view.png");
        assertTrue(Files.size(png) > 10_000);

        // Make active: select version 2 alone.
        robot.clickOn(row(robot, 0));
        robot.clickOn("#activateButton");
        waitUntil(() -> table.getItems().size() == 2 && table.getItems().get(0).active());
        assertFalse(table.getItems().get(1).active());
        assertEquals(v2.id(), context.strategyVersions().active("monthly-rebalance").id());
        assertEquals("Version 2 is now active", robot.lookup("#statusLabel").queryAs(Label.class).getText());

        // Another strategy: its own defaults version and all its parameters in the editor.
        robot.interact(() -> robot.lookup("#strategyBox").<javafx.scene.control.ComboBox<org.leverdesk.strategy.catalog.StrategyDescriptor>>query()
                .getSelectionModel().select(2));
        waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0).strategyId().equals("rsi2")
                && robot.lookup("#param-hedgePercent").tryQuery().isPresent());
        Snapshots.write(table.getScene().getRoot(), "strategies-view-rsi2.png");
    }
}
