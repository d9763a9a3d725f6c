package org.leverdesk.ui.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.app.desktop.AppWindow;
import org.leverdesk.backtest.SavedRuns;
import org.leverdesk.research.Trial;
import org.leverdesk.testing.SharedPrices;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Research view in the real window over real prices and a real store, clicked through with TestFX. */
@FxTest
class ResearchViewFxTest {
    private final AppWindow window = new AppWindow();

    @TempDir
    Path dataDir;

    @AfterEach
    void close() {
        window.close();
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void type(FxRobot robot, String id, String text) {
        javafx.scene.control.TextField f = robot.lookup(id).queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> f.setText(text));
    }

    private static void sweep(FxRobot robot) throws Exception {
        robot.clickOn("Research");
        waitUntil(10, () -> robot.lookup("#param-entryRsi").tryQuery().isPresent() || robot.lookup("#strategyBox").tryQuery().isPresent());
        robot.interact(() -> {
            var box = robot.lookup("#strategyBox").<javafx.scene.control.ComboBox<org.leverdesk.backtest.BacktestRunner.StrategyInfo>>query();
            box.getSelectionModel().select(box.getItems().stream().filter(s -> s.id().equals("rsi2")).findFirst().orElseThrow());
            robot.lookup("#fromPicker").queryAs(DatePicker.class).setValue(LocalDate.of(2021, 1, 4));
            robot.lookup("#toPicker").queryAs(DatePicker.class).setValue(LocalDate.of(2024, 12, 31));
        });
        type(robot, "#param-entryRsi", "10..40:10");
        type(robot, "#param-exitRsi", "60..90:10");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("16 runs of rsi2 on TQQQ", robot.lookup("#planLabel").queryLabeled().getText());
        robot.clickOn("#sweepButton");
        TableView<?> trials = robot.lookup("#trialsTable").queryAs(TableView.class);
        waitUntil(90, () -> trials.getItems().size() == 16);
        assertTrue(robot.lookup("#overfittingLabel").queryLabeled().getText().contains("Probability of backtest overfitting"));
        assertTrue(robot.lookup("#messageLabel").queryLabeled().getText().contains("saved as research run 1"),
                robot.lookup("#messageLabel").queryLabeled().getText());
    }

    @Test
    void sweepHeatmapClickOpensTheRunInTheBacktestView(FxRobot robot) throws Exception {
        AppContext app = window.open(robot, dataDir, SharedPrices.dir(), 1600, 1000);
        sweep(robot);
        Node root = robot.lookup("#researchView").query().getScene().getRoot();
        Snapshots.write(root, "research-sweep-1600x1000.png");

        // a click in the middle of the heatmap opens that cell's run in the Backtest view, saved with the saved runs
        Node canvas = robot.lookup(".sweep-chart .chart-content").tryQuery().orElse(robot.lookup(".sweep-chart").query());
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        robot.clickOn(b.getMinX() + b.getWidth() * 0.45, b.getMinY() + b.getHeight() * 0.45);
        @SuppressWarnings("unchecked")
        ListView<Object> nav = robot.lookup("#navigation").queryAs(ListView.class);
        waitUntil(60, () -> "Backtest".equals(String.valueOf(nav.getSelectionModel().getSelectedItem())));
        waitUntil(30, () -> robot.lookup(".result-title").queryLabeled().getText().startsWith("Saved run "));
        SavedRuns.SavedRun opened = app.savedRuns().list().get(0);
        assertEquals("rsi2", opened.strategyId());
        Snapshots.write(root, "research-opened-in-backtest.png");

        // walk-forward, Monte Carlo and similar sessions
        robot.clickOn("Research");
        robot.clickOn("Walk-forward");
        type(robot, "#inSampleField", "12m");
        type(robot, "#outOfSampleField", "6m");
        robot.clickOn("#walkForwardButton");
        TableView<?> windows = robot.lookup("#windowsTable").queryAs(TableView.class);
        waitUntil(120, () -> windows.getItems().size() == 6);
        assertTrue(robot.lookup("#walkForwardLabel").queryLabeled().getText().contains("Walk-forward efficiency"));
        Snapshots.write(root, "research-walkforward-1600x1000.png");

        robot.clickOn("Monte Carlo");
        waitUntil(30, () -> robot.lookup("#monteCarloLabel").queryLabeled().getText().contains("paths of"));
        Snapshots.write(root, "research-montecarlo-1600x1000.png");

        robot.clickOn("Similar sessions");
        type(robot, "#kField", "8");
        type(robot, "#horizonField", "5");
        // the grid in the parameters' labels, as the field's prompt shows it
        assertEquals("RSI period: 2, …; Entry RSI: 30, …", robot.lookup("#gridField").queryAs(javafx.scene.control.TextField.class).getPromptText());
        type(robot, "#gridField", "Entry RSI: 10, 45");
        robot.interact(() -> robot.lookup("#asOfPicker").queryAs(DatePicker.class).setValue(LocalDate.of(2024, 12, 31)));
        robot.clickOn("#adviseButton");
        TableView<?> neighbours = robot.lookup("#neighboursTable").queryAs(TableView.class);
        waitUntil(120, () -> neighbours.getItems().size() == 8);
        assertTrue(robot.lookup("#suggestionLabel").queryLabeled().getText().contains("confidence"));
        assertFalse(robot.lookup("#autoApplyBox").query().isDisabled(), "the built-in paper broker may auto-apply");
        Snapshots.write(root, "research-similar-1600x1000.png");
        darkPictures(robot, root, "1600x1000", List.of("Sweep", "Walk-forward", "Monte Carlo", "Similar sessions"));
    }

    /**
     * Each of {@code tabs} in the dark theme ({@code research-<tab>-dark-<size>.png}), switched the way the
     * workstation screenshots switch it, then the stylesheet it had back for the tests after this one. Every label
     * of the tab is drawn light on the dark background (none kept a light theme's dark text).
     */
    private static void darkPictures(FxRobot robot, Node root, String size, List<String> tabs) throws Exception {
        org.leverdesk.ui.shell.ThemeManager themes = new org.leverdesk.ui.shell.ThemeManager(null);
        String before = WaitForAsyncUtils.asyncFx(javafx.application.Application::getUserAgentStylesheet).get();
        robot.interact(() -> {
            themes.register(root.getScene());
            themes.apply(org.leverdesk.ui.shell.Theme.PRIMER_DARK.id());
        });
        try {
            for (String tab : tabs) {
                robot.clickOn(tab);
                WaitForAsyncUtils.waitForFxEvents();
                List<String> dark = WaitForAsyncUtils.asyncFx(() -> root.lookupAll(".label").stream()
                        .map(n -> (javafx.scene.control.Label) n)
                        .filter(l -> l.isVisible() && l.getScene() != null && l.getText() != null && !l.getText().isBlank()
                                && l.localToScene(l.getLayoutBounds()).getWidth() > 0 && shownOnTab(l, tab)
                                && l.getTextFill() instanceof javafx.scene.paint.Color c && c.getBrightness() < 0.45)
                        .map(l -> l.getId() + " '" + l.getText() + "' " + l.getTextFill()).toList()).get();
                assertEquals(List.of(), dark, "dark text on the dark background in the " + tab + " tab");
                // the tab's table re-measured for the dark theme's bold headings ("Similar…" before)
                String table = switch (tab) {
                    case "Sweep" -> "#trialsTable";
                    case "Walk-forward" -> "#windowsTable";
                    case "Similar sessions" -> "#neighboursTable";
                    default -> null;
                };
                if (table != null) {
                    Node t = root.lookup(table);
                    assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> org.leverdesk.ui.CutOffTexts.under(t)).get(),
                            tab + " table texts cut off in the dark theme");
                }
                String name = tab.toLowerCase(java.util.Locale.ROOT).replace(" sessions", "").replace("-", "").replace(" ", "");
                Snapshots.write(root, "research-" + name + "-dark-" + size + ".png");
            }
        } finally {
            // the stylesheet is the whole application's: the tests after this one get the one they had
            robot.interact(() -> {
                javafx.application.Application.setUserAgentStylesheet(before);
                root.getStyleClass().removeAll("theme-dark", "theme-light", "atlantafx");
            });
        }
    }

    /** True when {@code n} is not inside a tab other than the selected {@code tab} (hidden tabs' labels stay in the scene). */
    private static boolean shownOnTab(Node n, String tab) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.TabPane tp && tp.getSelectionModel().getSelectedItem() != null
                    && !tp.getSelectionModel().getSelectedItem().getText().equals(tab)) {
                return false;
            }
        }
        return true;
    }

    /** The first drawn text under {@code n} (a cell's label text or its wrapping text). */
    private static javafx.scene.text.Text firstText(javafx.scene.Parent n) {
        for (Node child : n.getChildrenUnmodifiable()) {
            if (child instanceof javafx.scene.text.Text t && t.isVisible() && t.getText() != null && !t.getText().isEmpty()) {
                return t;
            }
            if (child instanceof javafx.scene.Parent p) {
                javafx.scene.text.Text t = firstText(p);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    @Test
    void theViewFitsASmallWindow(FxRobot robot) throws Exception {
        window.open(robot, dataDir, SharedPrices.dir(), 1024, 700);
        sweep(robot);
        Node root = robot.lookup("#researchView").query().getScene().getRoot();
        assertTrue(robot.lookup("#sweepButton").query().isVisible());
        // the sweep table and the ranking choice in a trader's words ("Sharpe ratio"), never the CLI's keys ("sharpe"), and whole
        TableView<?> trials = robot.lookup("#trialsTable").queryAs(TableView.class);
        List<String> headers = trials.getColumns().stream().map(javafx.scene.control.TableColumn::getText).toList();
        assertTrue(headers.containsAll(List.of("Sharpe ratio", "Max drawdown", "Annual volatility", "Final equity")), headers.toString());
        assertTrue(headers.stream().noneMatch(h -> java.util.Arrays.stream(org.leverdesk.research.Metric.values())
                .anyMatch(m -> m.key().equals(h) && !m.key().equals(m.label()))), headers.toString());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.leverdesk.research.Metric> rankBy = robot.lookup("#metricBox").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals("Sharpe ratio", rankBy.getConverter().toString(rankBy.getValue()), "the ranking choice as the combo box shows it");
        Thread.sleep(300);   // the columns are re-measured after the rows arrive
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> org.leverdesk.ui.CutOffTexts.under(trials)).get(), "sweep table texts cut off");
        Snapshots.write(root, "research-sweep-1024x700.png");
        robot.clickOn("Monte Carlo");
        waitUntil(30, () -> robot.lookup("#monteCarloLabel").queryLabeled().getText().contains("paths of"));
        Snapshots.write(root, "research-montecarlo-1024x700.png");
        Trial best = (Trial) robot.lookup("#trialsTable").queryAs(TableView.class).getItems().get(0);
        assertTrue(best.tradeReturns().length > 0);

        // the walk-forward tab at this size too: every heading and figure whole, the window number centred in its row
        robot.clickOn("Walk-forward");
        type(robot, "#inSampleField", "12m");
        type(robot, "#outOfSampleField", "6m");
        robot.clickOn("#walkForwardButton");
        TableView<?> windows = robot.lookup("#windowsTable").queryAs(TableView.class);
        waitUntil(120, () -> windows.getItems().size() == 6);
        Thread.sleep(300);   // the rows are re-laid out once the periods have wrapped
        WaitForAsyncUtils.waitForFxEvents();
        // how far each window number's text sits from the middle of its (two-line) row, in pixels
        List<Double> offCentre = WaitForAsyncUtils.asyncFx(() -> robot.from(windows).lookup(".table-cell")
                .queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(c -> "#".equals(c.getTableColumn().getText()) && !c.isEmpty() && c.getItem() != null)
                .map(c -> {
                    javafx.scene.text.Text t = firstText(c);
                    Bounds tb = c.sceneToLocal(t.localToScene(t.getBoundsInLocal()));
                    return Math.abs(tb.getCenterY() - c.getHeight() / 2);
                }).toList()).get();
        assertTrue(offCentre.size() >= 2, "the windows the table shows at this height: " + offCentre);
        assertTrue(offCentre.stream().allMatch(d -> d < 3), "centred in the row like the periods beside it: " + offCentre);
        assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> org.leverdesk.ui.CutOffTexts.under(windows)).get(),
                "walk-forward table texts cut off");
        Snapshots.write(root, "research-walkforward-1024x700.png");
        // every period on at most two lines, "2021-01-04 –" over "2022-01-03" (at 1024×700 they took three, ".." alone)
        List<Double> periodLines = WaitForAsyncUtils.asyncFx(() -> robot.from(windows).lookup(".table-cell")
                .queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(c -> c.getTableColumn().getText().endsWith("sample") && !c.isEmpty() && c.getItem() != null)
                .map(c -> {
                    // the cell's wrapping text (its graphic), not the labeled text it hides
                    javafx.scene.text.Text t = (javafx.scene.text.Text) c.getGraphic();
                    javafx.scene.text.Text one = new javafx.scene.text.Text("2021");
                    one.setFont(t.getFont());
                    return t.getLayoutBounds().getHeight() / one.getLayoutBounds().getHeight();
                }).toList()).get();
        assertTrue(periodLines.size() >= 4, "the periods shown: " + periodLines);
        assertTrue(periodLines.stream().allMatch(n -> n < 2.5), "lines per period: " + periodLines);
        darkPictures(robot, root, "1024x700", List.of("Sweep", "Walk-forward", "Monte Carlo"));
    }
}
