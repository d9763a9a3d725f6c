package org.leverdesk.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a view's FXML (named after its controller class, in the same package) with a ready-made controller. */
public final class FxmlViews {
    private FxmlViews() {
    }

    /** Loads {@code <ControllerSimpleName>.fxml} next to {@code controller}'s class, wired to that instance. */
    public static Parent load(Object controller) {
        Class<?> type = controller.getClass();
        URL fxml = type.getResource(type.getSimpleName() + ".fxml");
        if (fxml == null) {
            throw new IllegalStateException("missing " + type.getSimpleName() + ".fxml beside " + type.getName());
        }
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml + ": " + e.getMessage(), e);
        }
    }
}
