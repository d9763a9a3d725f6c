package org.leverdesk.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerKind;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.Secrets;
import org.leverdesk.ui.AppServices;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.leverdesk.ui.common.FxTaskExecutor;
import org.leverdesk.ui.firstrun.AlpacaCredentials;
import org.leverdesk.ui.firstrun.KeyCheckResult;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The first-run dialog in front of the real app (store, config and secrets in a temp folder). */
@FxTest
class FirstRunFxTest {
    @TempDir
    Path dir;
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final List<Stage> stages = new ArrayList<>();
    private AppContext context;

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stages.forEach(Stage::close);
            List.copyOf(Window.getWindows()).forEach(Window::hide);
        });
        executor.close();
        if (context != null) {
            context.close();
        }
    }

    private ConfigFile config() {
        return new ConfigFile(dir.resolve("config/config.json"));
    }

    private Secrets secrets() {
        return new Secrets(dir.resolve("config/secrets.properties"), Map.of());
    }

    private void start(FxRobot robot, AppServices services) {
        robot.interact(() -> {
            Stage stage = new Stage();
            stages.add(stage);
            DesktopWindow.show(stage, services, executor, AppWindow.CLOCK);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private AppServices services(java.util.function.Function<AlpacaCredentials, KeyCheckResult> keyCheck) {
        AppServices s = DesktopLauncher.services(context, config(), secrets());
        return s.withSettings(new AppServices.Settings(s.configFile(), s.secrets(), null, keyCheck, null));
    }

    @Test
    void firstStartAsksOnceThenDemoWritesTheConfigAndOpensTheMainWindow(FxRobot robot) {
        context = AppContext.open(dir.resolve("data"), null, 0, true);
        start(robot, DesktopLauncher.services(context, config(), secrets()));

        assertTrue(robot.lookup("#firstRunView").tryQuery().isPresent(), "the dialog is shown");
        assertTrue(robot.lookup("#navigation").tryQuery().isEmpty(), "no main window yet");
        assertTrue(robot.lookup("#alpacaBox").query().isVisible(), "the Alpaca choice is offered (its key check is wired)");
        Snapshots.write(robot.lookup("#firstRunView").query(), "first-run-dialog.png");
        assertEquals("Start with the demo market", robot.lookup("#startButton").queryAs(Button.class).getText());

        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(config().exists(), "config written");
        assertEquals(AppConfig.starter(), config().load());
        assertTrue(robot.lookup("#firstRunView").tryQuery().isEmpty(), "dialog closed");
        assertTrue(robot.lookup("#navigation").tryQuery().isPresent(), "main window shown");
        assertEquals(6, stages.get(0).getIcons().size(), "window icon at 16..256");

        // second start: straight to the main window
        robot.interact(() -> stages.get(0).close());
        start(robot, DesktopLauncher.services(context, config(), secrets()));
        assertTrue(robot.lookup("#firstRunView").tryQuery().isEmpty(), "not asked twice");
        assertTrue(robot.lookup("#navigation").tryQuery().isPresent());
    }

    @Test
    void alpacaKeysAreCheckedAndSavedOnlyToTheSecretsFile(FxRobot robot) throws Exception {
        context = AppContext.open(dir.resolve("data"), null, 0, true);
        List<AlpacaCredentials> checked = new ArrayList<>();
        start(robot, services(c -> {
            checked.add(c);
            return c.secretKey().equals("right-secret") ? KeyCheckResult.ok("paper account PA1, $100,000 equity")
                    : KeyCheckResult.failed("Alpaca says the keys are wrong (401); copy them again from the paper dashboard");
        }));
        robot.clickOn("#alpacaChoice");
        assertTrue(robot.lookup("#startButton").query().isDisabled(), "cannot start before the keys are accepted");
        robot.clickOn("#keyIdField").write("PKTEST");
        robot.clickOn("#secretField").write("wrong");
        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#errorLabel").queryLabeled().getText().isEmpty());
        assertEquals("Not connected: Alpaca says the keys are wrong (401); copy them again from the paper dashboard",
                robot.lookup("#errorLabel").queryLabeled().getText());
        assertFalse(config().exists());
        assertTrue(secrets().get(Secrets.ALPACA_KEY_ID).isEmpty());

        robot.interact(() -> robot.lookup("#secretField").queryTextInputControl().setText("right-secret"));
        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#startButton").query().isDisabled());
        assertEquals(2, checked.size());
        assertEquals("PKTEST", secrets().get(Secrets.ALPACA_KEY_ID).orElseThrow());
        assertEquals("right-secret", secrets().get(Secrets.ALPACA_SECRET_KEY).orElseThrow());
        assertEquals(BrokerKind.ALPACA, config().load().broker().kind());
        assertFalse(Files.readString(config().path()).contains("right-secret"));
        assertTrue(robot.lookup("#fetchButton").tryQuery().map(n -> !n.isVisible()).orElse(true), "no history port: hidden");
        Snapshots.write(robot.lookup("#firstRunView").query(), "first-run-alpaca.png");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#navigation").tryQuery().isPresent());
    }
}
