package org.leverdesk.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.OptionsMode;
import org.leverdesk.config.Secrets;
import org.leverdesk.store.Store;
import org.leverdesk.store.StrategyVersionRepository;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.leverdesk.ui.TestTaskExecutor;
import org.leverdesk.ui.shell.MainWindow;
import org.leverdesk.ui.shell.Theme;
import org.leverdesk.ui.shell.ThemeManager;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Settings view's Options mode section drawn by the form builder: a mode and assets typed, a bad asset marked on its
 * field, saved, the expansion shown in the strategies' groups; pictures at 1024×700 and 1600×1000, light and dark
 * ({@code settings-options-mode-<theme>-<size>.png}).
 */
@FxTest
class SettingsOptionsModeFxTest {
    @Test
    void theModeIsPickedTypedCheckedAndSaved(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("leverdesk-settings-mode-fx");
        Store store = Store.open(dir.resolve("data"));
        try {
            StrategyVersionRepository versions = new StrategyVersionRepository(store,
                    Clock.fixed(Instant.parse("2025-01-02T14:30:00Z"), ZoneOffset.UTC), StrategyCatalog.builtIn());
            ConfigFile file = new ConfigFile(dir.resolve("config/config.json"));
            SettingsViewModel vm = new SettingsViewModel(file, new Secrets(dir.resolve("config/secrets.properties"), Map.of()),
                    versions, new TestTaskExecutor(), null);
            ThemeManager themes = new ThemeManager(dir);
            Stage[] window = new Stage[1];
            robot.interact(() -> {
                Stage stage = new Stage();
                Scene scene = new Scene(SettingsView.load(vm), 1024, 700);
                scene.getStylesheets().add(MainWindow.STYLESHEET);
                stage.setScene(scene);
                stage.show();
                window[0] = stage;
                vm.field("portfolio.mode").valueProperty().set("balanced");
                vm.field("portfolio.symbols").valueProperty().set("QQQM:QQQ:0.45:dca,wheel:0.5; VTI:VTI:0.25:dca:0.35");
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(vm::save);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(OptionsMode.BALANCED, file.load().portfolio().mode());
            assertEquals("40", vm.field("strategies.dca.capitalShare").valueProperty().get());
            // a bad asset is marked on the Assets field, in words
            robot.interact(() -> vm.field("portfolio.symbols").valueProperty().set(
                    "QQQM:QQQ:0.45:dca,wheel:0.5; VTI:VTI:0.25:dca:1.5"));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(vm.field("portfolio.symbols").problemProperty().get().contains("maxAllocPct must be a fraction above 0 and at"
                    + " most 1 (got 1.5)"), vm.field("portfolio.symbols").problemProperty().get());
            for (Theme theme : List.of(Theme.PRIMER_LIGHT, Theme.PRIMER_DARK)) {
                robot.interact(() -> themes.apply(theme.id()));
                for (int[] size : List.of(new int[] {1024, 700}, new int[] {1600, 1000})) {
                    robot.interact(() -> {
                        window[0].setWidth(size[0]);
                        window[0].setHeight(size[1]);
                    });
                    WaitForAsyncUtils.waitForFxEvents();
                    Thread.sleep(400);
                    robot.interact(() -> {
                        // scroll the Options mode group to the top of the view
                        javafx.scene.control.ScrollPane scroll = robot.lookup(".scroll-pane").queryAs(javafx.scene.control.ScrollPane.class);
                        TitledPane group = robot.lookup("#group-Options-mode-seed-003").queryAs(TitledPane.class);
                        double content = scroll.getContent().getBoundsInLocal().getHeight();
                        double viewport = scroll.getViewportBounds().getHeight();
                        scroll.setVvalue(Math.min(1, group.getBoundsInParent().getMinY() / Math.max(1, content - viewport)));
                    });
                    WaitForAsyncUtils.waitForFxEvents();
                    Thread.sleep(200);
                    Snapshots.write(window[0].getScene().getRoot(), "settings-options-mode-" + (theme.dark() ? "dark" : "light")
                            + "-" + size[0] + "x" + size[1] + ".png");
                }
            }
            robot.interact(() -> themes.apply(Theme.PRIMER_LIGHT.id()));
        } finally {
            store.close();
        }
    }
}
