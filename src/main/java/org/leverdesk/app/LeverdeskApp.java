package org.leverdesk.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop application; the composition root for the UI. */
public final class LeverdeskApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Leverdesk");
        stage.setScene(new Scene(new Label("Leverdesk"), 1200, 800));
        stage.show();
    }
}
