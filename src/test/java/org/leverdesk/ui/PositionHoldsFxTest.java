package org.leverdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.ui.common.FxTaskExecutor;
import org.leverdesk.ui.orders.PositionHolds;
import org.leverdesk.ui.shell.MainWindow;
import org.leverdesk.ui.shell.ThemeManager;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Orders view's held symbols in the real window: the banner with one row per held symbol, its Accept
 * button, the confirmation dialog (Cancel keeps the hold, Accept lifts it through {@link PositionHolds}),
 * and pictures at 1024×700 and 1600×1000, light and dark. One test: each window start costs a loaded machine tens of seconds.
 */
@FxTest
class PositionHoldsFxTest {
    private static final Instant NOW = Instant.parse("2026-03-04T19:42:00Z");
    private static final String TQQQ = "TQQQ: the broker reports 0 shares but Leverdesk's filled orders account for 40 (the last"
            + " positions answer left it out); trading TQQQ is blocked until a person confirms: leverdesk reconcile --accept TQQQ";
    private static final String SQQQ = "SQQQ: 25 of the broker's 25 shares are external (Leverdesk's filled orders account for 0);"
            + " trading SQQQ is blocked (external positions: block) until a person confirms: leverdesk reconcile --accept SQQQ";

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final Map<String, String> held = new ConcurrentHashMap<>();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final FakeBroker broker = new FakeBroker(NOW, "3215.40", "13512.60").hold("TQQQ", "40", "51.26", "54.87");
    private Stage stage;
    private Path dir;
    private ThemeManager themes;

    @org.junit.jupiter.api.BeforeAll
    static void patientSetup() {
        // Building the whole window takes a starved JVM on the shared build machine (load 25+ on 2 cores) over
        // TestFX's 30 s default; the test's own waits stay short.
        org.testfx.api.FxToolkit.toolkitContext().setSetupTimeoutInMillis(120_000);
    }

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        held.put("TQQQ", TQQQ);
        held.put("SQQQ", SQQQ);
        dir = Files.createTempDirectory("leverdesk-holds-fx");
        PositionHolds holds = new PositionHolds() {
            @Override
            public Map<String, String> held() {
                return new java.util.TreeMap<>(held);
            }

            @Override
            public String accept(String symbol) {
                accepted.add(symbol);
                held.remove(symbol);
                return symbol + ": the broker's count of 40 shares confirmed by desktop; the store's count already matched";
            }
        };
        AppServices services = new AppServices(new FakeBacktestRunner(), new FakeDataCatalog(), null, AppServices.Mode.PAPER,
                "store", dir.resolve("leverdesk.mv.db"), null, null, null, null,
                new AppServices.Trading(broker, null, null, null, null, null, null, null, holds), AppServices.Settings.NONE);
        themes = new ThemeManager(dir);
        Scene scene = new Scene(MainWindow.create(services, executor, Clock.fixed(NOW, ZoneId.of("America/New_York")), themes),
                1024, 700);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        // Out of the window first: a shown Orders view polls every few seconds, and must not poll a closed executor.
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().setRoot(new javafx.scene.layout.Pane())).get(10, TimeUnit.SECONDS);
        executor.close();
        // The theme manager sets the application-wide stylesheet; the next test class starts from the stock one.
        javafx.application.Platform.runLater(() -> Application.setUserAgentStylesheet(null));
    }

    private Node holdsBox(FxRobot robot) {
        return robot.lookup("#holdsBox").query();
    }

    @Test
    void heldSymbolsAreShownAndAcceptedOnlyAfterConfirmation(FxRobot robot) throws Exception {
        robot.clickOn("Orders");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#accept-SQQQ").tryQuery().isPresent()
                && robot.lookup("#accept-TQQQ").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(holdsBox(robot).isVisible());
        assertEquals("2 symbols are held: no order in them until you confirm the broker's count",
                robot.lookup("#holdsTitle").queryAs(Label.class).getText());
        pictures(robot, "orders-holds");

        // Cancel in the dialog: nothing accepted, both still held.
        robot.clickOn("#accept-TQQQ");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Accept the broker's count of TQQQ?").tryQuery().isPresent());
        Path dialog = Snapshots.write(robot.lookup(".dialog-pane").query(), "orders-holds-confirm.png");
        assertTrue(Files.size(dialog) > 5_000);
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(accepted.isEmpty());
        assertEquals("TQQQ stays held: not accepted", robot.lookup("#holdsMessage").queryAs(Label.class).getText());

        // Accept: lifted, the row goes, the result is shown.
        robot.clickOn("#accept-TQQQ");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Accept the broker's count of TQQQ?").tryQuery().isPresent());
        robot.clickOn(robot.lookup(n -> n instanceof Button b && "Accept".equals(b.getText())).queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#accept-TQQQ").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("TQQQ"), accepted);
        assertEquals("TQQQ: the broker's count of 40 shares confirmed by desktop; the store's count already matched",
                robot.lookup("#holdsMessage").queryAs(Label.class).getText());
        assertEquals("1 symbol is held: no order in it until you confirm the broker's count",
                robot.lookup("#holdsTitle").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#accept-SQQQ").tryQuery().isPresent());
        assertFalse(robot.lookup("#accept-SQQQ").queryAs(Button.class).isDisabled());
        Snapshots.write(stage.getScene().getRoot(), "orders-holds-after-accept-light-1024x700.png");

        // Lifted elsewhere (leverdesk reconcile --accept): the next poll drops the last row and its heading.
        held.clear();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#accept-SQQQ").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#holdsTitle").query().isVisible());
        assertTrue(holdsBox(robot).isVisible(), "the last accept's result stays in view");
    }

    /** The window at 1024×700 and 1600×1000 in the light theme, and 1024×700 in the dark one. */
    private void pictures(FxRobot robot, String name) throws Exception {
        for (int[] size : List.of(new int[] {1024, 700}, new int[] {1600, 1000})) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            Path png = Snapshots.write(stage.getScene().getRoot(), name + "-light-" + size[0] + "x" + size[1] + ".png");
            assertTrue(Files.size(png) > 10_000);
        }
        robot.interact(() -> {
            themes.apply("primer-dark");
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(stage.getScene().getRoot(), name + "-dark-1024x700.png");
        robot.interact(() -> themes.apply("primer-light"));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
