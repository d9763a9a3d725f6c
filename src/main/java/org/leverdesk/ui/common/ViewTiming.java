package org.leverdesk.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs how long a view took to open: from the start of building it to the end of the first layout
 * pulse after it is in a window ("Regime view open in 180 ms"), so "every view opens in under a
 * second" can be checked in {@code logs/leverdesk.log} rather than believed.
 */
public final class ViewTiming {
    private static final Logger LOG = LoggerFactory.getLogger(ViewTiming.class);

    private ViewTiming() {
    }

    /** Logs once, after the first layout pulse that has {@code root} in a scene; {@code started} is System.nanoTime(). */
    public static void logWhenShown(String view, Parent root, long started) {
        Runnable[] hook = new Runnable[1];
        ChangeListener<Scene> onScene = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene was, Scene scene) {
                if (scene == null) {
                    return;
                }
                root.sceneProperty().removeListener(this);
                hook[0] = () -> {
                    scene.removePostLayoutPulseListener(hook[0]);
                    LOG.info("{} view open in {} ms", view, (System.nanoTime() - started) / 1_000_000);
                };
                scene.addPostLayoutPulseListener(hook[0]);
            }
        };
        if (root.getScene() != null) {
            onScene.changed(null, null, root.getScene());
        } else {
            root.sceneProperty().addListener(onScene);
        }
    }
}
