package org.leverdesk.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.backtest.BacktestRunner.StrategyInfo;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.leverdesk.ui.backtest.MetricRow;
import org.leverdesk.ui.backtest.ParityViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Backtest view of the real window on the demo market: dragging a parameter's slider re-runs the
 * backtest and the metrics change (with the latency from each change to the metrics on screen printed
 * for the README), and "Replay as live" replays the form through the live path and shows the verdict.
 */
@FxTest
class LiveSlidersAndReplayFxTest {
    private static final Pattern LATENCY = Pattern.compile("live re-run on screen (\\d+) ms after the change");
    private final AppWindow window = new AppWindow();

    @TempDir
    Path dataDir;

    @AfterEach
    void close() {
        window.close();
    }

    private void openBacktest(FxRobot robot, String strategyId) throws Exception {
        window.open(robot, dataDir, null, 1600, 1000);
        robot.clickOn("Backtest");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#runButton").tryQuery().isPresent());
        ComboBox<StrategyInfo> box = robot.lookup("#strategyBox").queryAs(ComboBox.class);
        robot.interact(() -> box.getItems().stream().filter(i -> i.id().equals(strategyId)).findFirst().ifPresent(box::setValue));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> metrics(FxRobot robot) {
        TableView<MetricRow> table = robot.lookup("#metricsTable").queryAs(TableView.class);
        return table.getItems().stream().map(r -> r.name() + "=" + r.strategy()).toList();
    }

    @Test
    void draggingASliderReRunsTheBacktestAndTheMetricsChange(FxRobot robot) throws Exception {
        openBacktest(robot, "rsi2");
        assertTrue(robot.lookup("#liveToggle").queryAs(ToggleButton.class).isSelected(), "Live is on by default");
        Button run = robot.lookup("#runButton").queryAs(Button.class);
        robot.clickOn(run);
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> !metrics(robot).isEmpty() && !run.isDisabled());
        List<String> before = metrics(robot);
        Label title = robot.lookup("#resultTitleLabel").queryAs(Label.class);
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        List<String> statuses = new CopyOnWriteArrayList<>();
        robot.interact(() -> status.textProperty().addListener((o, was, is) -> statuses.add(is)));

        Slider slider = robot.lookup("#param-entryRsi-slider").queryAs(Slider.class);
        TextField entry = robot.lookup("#param-entryRsi").queryAs(TextField.class);
        String entryBefore = entry.getText();
        Node thumb = robot.from(slider).lookup(".thumb").query();
        robot.drag(thumb).moveBy(60, 0).drop();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> title.getText().startsWith("Live") && !metrics(robot).equals(before));
        assertNotEquals(entryBefore, entry.getText(), "the slider wrote the entry level into its field");
        List<String> after = metrics(robot);
        assertNotEquals(before, after, "metrics of entry RSI " + entry.getText() + " differ from those of " + entryBefore);
        assertFalse(robot.lookup("#equityChart").query() == null);

        // Ten single steps with the keyboard, each waited for: the delay from each change to its metrics on screen.
        // the keyboard goes to the slider: focused directly, since a click on its track moves its value (and where the
        // click lands depends on the form's layout and scrolling), starting a run this test did not time
        robot.interact(slider::requestFocus);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> statuses.stream().anyMatch(s -> LATENCY.matcher(s).find()));
        List<Integer> latencies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int seen = statuses.size();
            String value = entry.getText();
            robot.type(i % 2 == 0 ? KeyCode.LEFT : KeyCode.RIGHT);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !entry.getText().equals(value)
                    && statuses.subList(seen, statuses.size()).stream().anyMatch(s -> LATENCY.matcher(s).find()));
            for (String s : statuses.subList(seen, statuses.size())) {
                Matcher m = LATENCY.matcher(s);
                if (m.find()) {
                    latencies.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        List<Integer> sorted = latencies.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "live slider: change -> metrics and equity on screen, %d steps: min %d ms, median %d ms, max %d ms"
                        + " (load average %.1f)%n", sorted.size(), sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertFalse(latencies.isEmpty());
        robot.moveTo(robot.lookup("#runButton").<Node>query());
        Snapshots.write(robot.lookup("#backtestView").query().getScene().getRoot(), "backtest-live-slider.png");
    }

    @Test
    void replayAsLiveReplaysTheFormThroughTheLivePathAndSaysIdentical(FxRobot robot) throws Exception {
        openBacktest(robot, "monthly-rebalance");
        DatePicker from = robot.lookup("#fromPicker").queryAs(DatePicker.class);
        robot.interact(() -> from.setValue(LocalDate.of(2024, 1, 2)));
        robot.clickOn("#replayButton");
        TabPane tabs = robot.lookup("#resultTabs").queryAs(TabPane.class);
        assertEquals("Replay as live", tabs.getSelectionModel().getSelectedItem().getText());
        Label verdict = robot.lookup("#parityVerdictLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> verdict.getText().startsWith("Identical")
                || verdict.getText().startsWith("Different") || verdict.getText().startsWith("Replay failed"));
        TableView<ParityViewModel.Row> rows = robot.lookup("#parityTable").queryAs(TableView.class);
        assertTrue(verdict.getText().startsWith("Identical: the live path did what the backtest did over "), verdict.getText()
                + " " + rows.getItems());
        assertEquals(5, rows.getItems().size());
        assertEquals("✓ same", rows.getItems().get(4).result());
        assertTrue(robot.lookup("#parityHeadingLabel").queryAs(Label.class).getText().contains("2024-01-02 … 2025-01-01"),
                robot.lookup("#parityHeadingLabel").queryAs(Label.class).getText());
        robot.moveTo(robot.lookup("#runButton").<Node>query());
        Snapshots.write(robot.lookup("#backtestView").query().getScene().getRoot(), "backtest-replay-as-live.png");
    }
}
