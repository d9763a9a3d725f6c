package org.leverdesk.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.Secrets;
import org.leverdesk.strategy.catalog.StrategyVersion;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.leverdesk.ui.common.FxTaskExecutor;
import org.leverdesk.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Settings view in the real main window: validation as typed, Save disabled while invalid, save writes file and version. */
@FxTest
class SettingsFxTest {
    @TempDir
    Path dir;
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private AppContext context;

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).forEach(Window::hide));
        executor.close();
        if (context != null) {
            context.close();
        }
    }

    @Test
    void invalidCapitalShareIsMarkedAndBlocksSaveThenSavingWritesTheFileAndANewVersion(FxRobot robot) throws Exception {
        context = AppContext.open(dir.resolve("data"), null, 0, true);
        ConfigFile config = new ConfigFile(dir.resolve("config/config.json"));
        Secrets secrets = new Secrets(dir.resolve("config/secrets.properties"), Map.of());
        robot.interact(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(MainWindow.create(DesktopLauncher.services(context, config, secrets), executor, AppWindow.CLOCK),
                    1280, 820);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            stage.setScene(scene);
            stage.show();
        });
        robot.clickOn("Settings");
        WaitForAsyncUtils.waitForFxEvents();
        TitledPane rsi2 = robot.lookup("#group-RSI-2-mean-reversion-with-SQQQ-hedge").queryAs(TitledPane.class);
        // a closed group builds its form when first opened (the view opens faster), open groups at once
        assertTrue(robot.lookup("#setting-strategies-rsi2-capitalShare").tryQuery().isEmpty(), "closed group not built yet");
        assertTrue(robot.lookup("#group-Risk").queryAs(TitledPane.class).isExpanded());
        robot.interact(() -> rsi2.setExpanded(true));
        TextField share = robot.lookup("#setting-strategies-rsi2-capitalShare").queryAs(TextField.class);
        Label problem = robot.lookup("#problem-strategies-rsi2-capitalShare").queryAs(Label.class);
        Node save = robot.lookup("#saveButton").query();

        robot.interact(() -> share.setText(""));
        // the field may be below the scrolled area: focus it the way Tab would, then type
        robot.interact(share::requestFocus);
        robot.write("150");
        assertTrue(share.getPseudoClassStates().contains(PseudoClass.getPseudoClass("invalid")), "red border");
        assertEquals("Capital share must be above 0% and at most 100% (got 150%)", problem.getText(), "in words and percent");
        assertTrue(problem.isVisible());
        assertTrue(save.isDisabled());
        Snapshots.write(robot.lookup("#settingsView").query(), "settings-invalid.png");

        robot.eraseText(3).write("50");
        assertFalse(share.getPseudoClassStates().contains(PseudoClass.getPseudoClass("invalid")));
        assertFalse(problem.isVisible());
        assertFalse(save.isDisabled());

        TextField entry = robot.lookup("#setting-strategies-rsi2-parameters-entryRsi").queryAs(TextField.class);
        robot.interact(() -> entry.setText("25"));
        robot.clickOn(save);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> config.exists() && save.isDisabled()
                && !robot.lookup("#statusLabel").queryLabeled().getText().isEmpty());
        assertEquals(0.5, config.load().strategy("rsi2").orElseThrow().capitalShare());
        List<StrategyVersion> versions = context.strategyVersions().list("rsi2");
        assertEquals(2, versions.size());
        assertEquals("25", versions.get(0).parameters().get("entryRsi"));
        Snapshots.write(robot.lookup("#settingsView").query(), "settings-view.png");
    }
}
