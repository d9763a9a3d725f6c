package org.leverdesk.app.desktop;

import java.time.Clock;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.leverdesk.ui.AppServices;
import org.leverdesk.ui.common.TaskExecutor;
import org.leverdesk.ui.data.DataView;
import org.leverdesk.ui.data.DataViewModel;
import org.leverdesk.ui.firstrun.FirstRunView;
import org.leverdesk.ui.firstrun.FirstRunViewModel;
import org.leverdesk.ui.shell.MainWindow;
import org.leverdesk.ui.shell.WindowIcons;

/**
 * Shows the app's windows: the first-run dialog when there is no config file yet, then the main
 * window. Nothing blocks: the main window opens when the dialog is done.
 */
public final class DesktopWindow {
    private DesktopWindow() {
    }

    /** Shows the first-run dialog (when needed) and then the main window on {@code stage}. */
    public static void show(Stage stage, AppServices services, TaskExecutor executor, Clock clock) {
        if (services.configFile() == null || services.configFile().exists()) {
            showMain(stage, services, executor, clock);
            return;
        }
        FirstRunViewModel firstRun = new FirstRunViewModel(services.configFile(), services.secrets(), executor,
                services.alpacaKeyCheck(), services.historyFetch());
        Stage dialog = new Stage();
        dialog.setTitle("Leverdesk · first start");
        WindowIcons.apply(dialog);
        Scene scene = new Scene(FirstRunView.load(firstRun, () -> DataView.load(new DataViewModel(services.dataCatalog(), executor))));
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        // The first window already wears the theme (the default one on a first start).
        org.leverdesk.ui.shell.ThemeManager themes = new org.leverdesk.ui.shell.ThemeManager(services.configFile().path().getParent());
        themes.applyNow();
        themes.register(scene);
        dialog.setScene(scene);
        dialog.setMinWidth(640);
        firstRun.doneProperty().addListener((obs, was, done) -> {
            if (done) {
                dialog.close();
                showMain(stage, services, executor, clock);
            }
        });
        // Closing the dialog without choosing still opens the app (on the defaults); the dialog comes back next start.
        dialog.setOnCloseRequest(e -> showMain(stage, services, executor, clock));
        dialog.show();
    }

    private static void showMain(Stage stage, AppServices services, TaskExecutor executor, Clock clock) {
        Scene scene = new Scene(MainWindow.createPrepared(services, executor, clock), 1280, 820);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setTitle("Leverdesk · " + services.mode());
        stage.setScene(scene);
        stage.show();
        // Decoding six PNGs is not needed for the first frame: the title bar gets its icon a moment later.
        Platform.runLater(() -> WindowIcons.apply(stage));
    }
}
