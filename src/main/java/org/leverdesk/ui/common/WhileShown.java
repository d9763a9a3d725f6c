package org.leverdesk.ui.common;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Runs an action every so often while a node is in a showing window, and not otherwise: the main
 * window keeps views it hides, and a hidden (or discarded) view must not keep asking the broker or the
 * store. The action itself should hand blocking work to a {@link TaskExecutor}.
 */
public final class WhileShown {
    private WhileShown() {
    }

    /** Starts running {@code action} every {@code every} whenever {@code node} is shown, and runs it once each time it appears. */
    public static void every(Node node, Duration every, Runnable action) {
        Timeline timer = new Timeline(new KeyFrame(every, e -> {
            if (shown(node)) {
                action.run();
            }
        }));
        timer.setCycleCount(Animation.INDEFINITE);
        node.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                timer.stop();
            } else {
                action.run();
                timer.play();
            }
        });
        // A discarded window's scene keeps its nodes: stop for good when the scene leaves its window.
        node.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, w, now) -> {
                    if (now == null && node.getScene() == scene) {
                        timer.stop();
                    }
                });
            }
        });
    }

    private static boolean shown(Node node) {
        Window w = node.getScene() == null ? null : node.getScene().getWindow();
        return w != null && w.isShowing();
    }
}
